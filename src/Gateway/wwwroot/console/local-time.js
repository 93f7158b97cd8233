// <input type="datetime-local"> speaks the device's local time without an offset; the API speaks ISO 8601 with one.

/** A datetime-local value ("2026-05-20T09:00") as an ISO instant, or null when empty. */
export function fromLocalInput(value) {
  return value ? new Date(value).toISOString() : null;
}

/** An ISO instant as a datetime-local value in the device's time zone. */
export function toLocalInput(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = n => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
