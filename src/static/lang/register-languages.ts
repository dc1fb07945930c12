import go from '@ast-grep/lang-go';
import java from '@ast-grep/lang-java';
import python from '@ast-grep/lang-python';
import { registerDynamicLanguage } from '@ast-grep/napi';

let registered: { ok: true } | { ok: false; reason: string } | undefined;

/**
 * Registers the Python, Go and Java grammars with ast-grep, once per process (napi requires exactly one
 * call). Returns why it failed instead of throwing, e.g. when no prebuilt grammar exists for this platform,
 * so the caller can note it and carry on with the other passes.
 */
export function registerLanguages(): { ok: true } | { ok: false; reason: string } {
  if (registered === undefined) {
    try {
      registerDynamicLanguage({ python, go, java });
      registered = { ok: true };
    } catch (err) {
      registered = { ok: false, reason: err instanceof Error ? err.message.split('\n')[0]! : String(err) };
    }
  }
  return registered;
}
