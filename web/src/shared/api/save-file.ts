// Files the API sends as attachments (reports, payables), saved through the browser: fetched with the
// tab's token (a plain link could not send it), then handed to the browser under the server's name.

/** "attachment; filename*=UTF-8''oleada-2.pdf" → "oleada-2.pdf" */
export function fileNameOf(disposition: string | null, fallback: string): string {
  const encoded = disposition?.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return disposition?.match(/filename="([^"]+)"/i)?.[1] ?? fallback;
}

/**
 * Reads a file's response as it arrives (telling `onReceived` how much came, and of how much when the
 * server says) and hands it to the browser to save. Returns the name it was saved under.
 */
export async function saveFile(
  response: Response,
  fallbackName: string,
  onReceived: (received: number, total: number | null) => void = () => undefined,
): Promise<string> {
  const total = Number(response.headers.get('Content-Length')) || null;
  const chunks: Uint8Array[] = [];
  let received = 0;
  const reader = response.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    onReceived(received, total);
  }
  const name = fileNameOf(response.headers.get('Content-Disposition'), fallbackName);
  const url = URL.createObjectURL(new Blob(chunks as BlobPart[], { type: response.headers.get('Content-Type') ?? undefined }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}
