/** A JSON body, asserted field by field in the tests. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type JsonBody = any;

export async function json(response: Response): Promise<JsonBody> {
  return (await response.json()) as JsonBody;
}
