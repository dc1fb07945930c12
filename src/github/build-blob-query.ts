/**
 * The GraphQL query that reads `count` files of one repository in one request: one aliased
 * `object(expression: "<sha>:<path>")` per file (`f0`, `f1`, ...), the expressions passed as variables (`$e0`, ...)
 * so a path never needs escaping. `text` is null for binary blobs and cut at 512,000 bytes (`isTruncated`);
 * `oid` lets those be read through the REST blob API.
 */
export function buildBlobQuery(count: number): string {
  const params = Array.from({ length: count }, (_, i) => `, $e${i}: String!`).join('');
  const fields = Array.from({ length: count }, (_, i) => ` f${i}: object(expression: $e${i}) { ...blob }`).join('');
  return (
    `query($owner: String!, $name: String!${params}) { repository(owner: $owner, name: $name) {${fields} } }` +
    ' fragment blob on GitObject { __typename ... on Blob { oid byteSize isBinary isTruncated text } }'
  );
}

/** One `object` of {@link buildBlobQuery}'s answer: null when the path does not exist at that commit. */
export type BlobNode =
  | { __typename: 'Blob'; oid: string; byteSize: number; isBinary: boolean; isTruncated: boolean; text: string | null }
  | { __typename: 'Tree' | 'Commit' | 'Tag' }
  | null;
