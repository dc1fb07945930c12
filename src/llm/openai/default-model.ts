/**
 * The model Argus uses when neither the repository config (`llm.model`) nor `ARGUS_MODEL` names one:
 * a current, cheap OpenAI model that supports strict structured outputs. The only place it is spelled.
 */
export const DEFAULT_MODEL = 'gpt-4.1-mini';
