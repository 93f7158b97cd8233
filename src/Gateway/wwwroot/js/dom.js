// Small DOM helpers: every text goes in through textContent, never through HTML.

/**
 * Creates an element: h('td', { class: 'rank', dataset: { key: 'C007' } }, 'text', child, ...).
 * Attributes: class, dataset, style (object), on* handlers (functions), anything else as an attribute
 * (false/null/undefined skip it, true sets it empty).
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [name, value] of Object.entries(attrs)) {
      if (value === undefined || value === null || value === false) continue;
      if (name === 'class') el.className = value;
      else if (name === 'dataset') Object.assign(el.dataset, value);
      else if (name === 'style' && typeof value === 'object') Object.assign(el.style, value);
      else if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
      else el.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function $(selector, root = document) {
  return root.querySelector(selector);
}

export function clear(el) {
  el.replaceChildren();
  return el;
}

/** Replaces an element's children; null/false are skipped and arrays flattened, as in h(). */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** Query-string parameters of the page. */
export function params() {
  return new URLSearchParams(location.search);
}

/** The application's root URL, so pages work under a path base too (js/ sits at the root). */
export const appRoot = new URL('../', import.meta.url);

export function appUrl(path) {
  return new URL(path.replace(/^\//, ''), appRoot).toString();
}

/** Resolves after ms milliseconds. */
export function delay(ms) {
  return new Promise(resolve => setTimeout(resolve, ms));
}
