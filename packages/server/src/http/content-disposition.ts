// The attachment header MLflow sends with artifact downloads (handlers._content_disposition_attachment).

/** Werkzeug's token characters: such a name goes out unquoted. */
const TOKEN = /^[A-Za-z0-9!#$%&'*+\-.^_`|~]+$/;
/** urllib.parse.quote with MLflow's safe set (RFC 5987 attr-char). */
const ATTR_CHAR = /[A-Za-z0-9_.\-~!#$&+^`|]/;

function quoteHeaderValue(value: string): string {
  return TOKEN.test(value) ? value : `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function rfc5987(value: string): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += byte < 0x80 && ATTR_CHAR.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** ASCII names as `filename=`; others get an ASCII fallback plus `filename*=UTF-8''…`. */
export function contentDispositionAttachment(fileName: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(fileName)) return `attachment; filename=${quoteHeaderValue(fileName)}`;
  // eslint-disable-next-line no-control-regex
  const fallback = fileName.normalize('NFKD').replace(/[^\x00-\x7f]/g, '') || 'download';
  return `attachment; filename=${quoteHeaderValue(fallback)}; filename*=UTF-8''${rfc5987(fileName)}`;
}
