import { locale } from './i18n.js';

// Scores are exact decimals on the server; only what people read is rounded: two places, half
// away from zero (DESIGN.md §2). The rounding is done on the decimal digits, never with binary
// floating-point arithmetic, so 16.125 shows 16.13 and -2.005 shows -2.01.

/** A decimal's digits as a plain string ("1e-7" becomes "0.0000001"). */
export function decimalString(value) {
  if (value === null || value === undefined || value === '') return null;
  let s = typeof value === 'string' ? value.trim() : String(value);
  if (!/e/i.test(s)) return s;
  const n = Number(s);
  if (!Number.isFinite(n)) return null;
  // toFixed(20) keeps every digit a double can carry for the magnitudes scores have.
  return n.toFixed(20).replace(/\.?0+$/, '');
}

/** Rounds to `places` decimals, half away from zero, and always shows that many decimals. */
export function roundHalfAwayFromZero(value, places = 2) {
  const s = decimalString(value);
  if (s === null || !/^[-+]?\d*\.?\d*$/.test(s) || s === '' || s === '-' || s === '.') return null;
  let negative = s.startsWith('-');
  const body = s.replace(/^[-+]/, '');
  let [intPart, fracPart = ''] = body.split('.');
  intPart = intPart.replace(/^0+(?=\d)/, '') || '0';
  fracPart = fracPart.padEnd(places + 1, '0');
  const roundUp = fracPart[places] >= '5';
  // The number as an integer of units of 10^-places.
  let digits = (intPart + fracPart.slice(0, places)).split('').map(Number);
  if (roundUp) {
    let i = digits.length - 1;
    while (i >= 0) {
      if (digits[i] === 9) { digits[i] = 0; i--; } else { digits[i]++; break; }
    }
    if (i < 0) digits.unshift(1);
  }
  const all = digits.join('');
  const whole = places > 0 ? all.slice(0, all.length - places) || '0' : all;
  const frac = places > 0 ? all.slice(all.length - places) : '';
  const text = places > 0 ? `${whole.replace(/^0+(?=\d)/, '')}.${frac}` : whole.replace(/^0+(?=\d)/, '');
  if (/^[0.]+$/.test(text)) negative = false;
  return (negative ? '-' : '') + text;
}

/** A score for people: two decimals, half away from zero; a dash when there is none. */
export function score(value) {
  return roundHalfAwayFromZero(value, 2) ?? '–';
}

/** A decimal shown without trailing zeros (a step of 0.5, a maximum of 20). */
export function plain(value) {
  const s = decimalString(value);
  if (s === null) return '';
  if (!s.includes('.')) return s;
  return s.replace(/0+$/, '').replace(/\.$/, '');
}

/** Local time of day for "updated at". */
export function timeOfDay(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return d.toLocaleTimeString(locale(), { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
}

// ---- Exact decimal arithmetic for mark entry (values on the criterion's step) ----

function scaleOf(s) {
  const i = s.indexOf('.');
  return i < 0 ? 0 : s.length - i - 1;
}

function toUnits(s, scale) {
  const [i, f = ''] = s.split('.');
  return BigInt(i + f.padEnd(scale, '0'));
}

function fromUnits(units, scale) {
  const negative = units < 0n;
  let digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const text = scale > 0 ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits;
  return (negative ? '-' : '') + plain(text);
}

/** Canonical form of a typed decimal ("016.50" → "16.5"), or null when it is not a plain non-negative number. */
/**
 * Full-width digits and points (２５．５ from a Chinese input method, or 。 in its Chinese
 * punctuation mode) as the ASCII they stand for, so a mark is never refused for its characters.
 */
export function asciiDigits(text) {
  return String(text ?? '')
    .replace(/[\uFF10-\uFF19]/g, c => String.fromCharCode(c.charCodeAt(0) - 0xFF10 + 0x30))
    .replace(/[\uFF0E\u3002]/g, '.')
    .replace(/\uFF0B/g, '+')
    .replace(/\u3000/g, ' ');
}

export function canonicalDecimal(text) {
  const s = asciiDigits(text).trim().replace(/^\+/, '');
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(s)) return null;
  const withZero = s.startsWith('.') ? `0${s}` : s;
  const [i, f = ''] = withZero.split('.');
  const intPart = i.replace(/^0+(?=\d)/, '');
  const fracPart = f.replace(/0+$/, '');
  return fracPart ? `${intPart}.${fracPart}` : intPart;
}

/**
 * Checks a typed mark against a criterion's range and step with exact decimals.
 * Returns { ok: true, value } with the canonical string, or { ok: false, error, max, step }.
 */
export function checkMark(text, max, step) {
  const value = canonicalDecimal(text);
  if (value === null) return { ok: false, error: 'number' };
  const maxS = plain(max), stepS = plain(step);
  const scale = Math.max(scaleOf(value), scaleOf(maxS), scaleOf(stepS));
  const v = toUnits(value, scale), m = toUnits(maxS, scale), st = toUnits(stepS, scale);
  if (v < 0n || v > m) return { ok: false, error: 'range' };
  if (st > 0n && v % st !== 0n) return { ok: false, error: 'step' };
  return { ok: true, value };
}

/** The typed value moved by ±step, snapped onto the step grid and kept within [0, max]. */
export function stepMark(text, max, step, direction) {
  const maxS = plain(max), stepS = plain(step);
  const current = canonicalDecimal(text) ?? '0';
  const scale = Math.max(scaleOf(current), scaleOf(maxS), scaleOf(stepS));
  const v = toUnits(current, scale), m = toUnits(maxS, scale), st = toUnits(stepS, scale);
  let next;
  if (st <= 0n) next = v;
  else if (direction > 0) next = (v / st + 1n) * st;           // next grid point above
  else next = v % st === 0n ? v - st : (v / st) * st;           // next grid point below
  if (next < 0n) next = 0n;
  if (next > m) next = m - (m % (st || 1n));
  return fromUnits(next, scale);
}
