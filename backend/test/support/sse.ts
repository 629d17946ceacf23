/** Reads a server-sent-events response until its text matches, or fails after `timeoutMs`. */
export async function readUntil(response: Response, predicate: (text: string) => boolean, timeoutMs = 10_000): Promise<string> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const deadline = Date.now() + timeoutMs;
  try {
    while (!predicate(text)) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`stream never matched; got:\n${text}`);
      const chunk = await Promise.race([
        reader.read(),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`stream never matched; got:\n${text}`)), left)),
      ]);
      if (chunk.done) throw new Error(`stream ended; got:\n${text}`);
      text += decoder.decode(chunk.value, { stream: true });
    }
    return text;
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}
