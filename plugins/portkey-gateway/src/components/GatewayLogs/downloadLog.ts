import { displayText, type LogLine } from './LogBuffer';

/** A file name from the pod and container, safe on every file system. */
export function logFileName(pod: string, container: string, previous: boolean) {
  const base = `${pod}-${container}${previous ? '-previous' : ''}`;
  return `${base.replace(/[^A-Za-z0-9._-]/g, '_')}.log`;
}

/** Saves the buffered lines, as shown (with timestamps only when they are shown). */
export function downloadLog(
  lines: readonly LogLine[],
  showTimestamps: boolean,
  fileName: string,
) {
  const text = lines.map(line => displayText(line, showTimestamps)).join('\n');
  const blob = new Blob([text.length > 0 ? `${text}\n` : ''], {
    type: 'text/plain;charset=utf-8',
  });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked after the click has started the download.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
