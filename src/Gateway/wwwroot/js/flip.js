// FLIP (First, Last, Invert, Play): children keyed by data-key are measured, re-ordered by
// `mutate`, measured again, and slid from where they were to where they are now.

const reducedMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)');

export function flip(container, mutate, { duration = 650 } = {}) {
  const first = new Map();
  for (const el of container.children)
    if (el.dataset.key) first.set(el.dataset.key, el.getBoundingClientRect().top);

  mutate();

  // The first render places rows; only later changes move them.
  if (first.size === 0) return;
  if (reducedMotion?.matches || typeof Element.prototype.animate !== 'function') return;
  for (const el of container.children) {
    const key = el.dataset.key;
    if (!key) continue;
    const before = first.get(key);
    if (before === undefined) {
      el.animate([{ opacity: 0 }, { opacity: 1 }], { duration: 400, easing: 'ease-out' });
      continue;
    }
    const dy = before - el.getBoundingClientRect().top;
    if (Math.abs(dy) < 1) continue;
    el.animate(
      [{ transform: `translateY(${dy}px)` }, { transform: 'translateY(0)' }],
      { duration, easing: 'cubic-bezier(.2,.8,.2,1)' });
    el.classList.remove('moved-up', 'moved-down');
    void el.offsetWidth; // restart the highlight
    el.classList.add(dy > 0 ? 'moved-up' : 'moved-down');
  }
}

/** Briefly highlights an element whose value changed. */
export function pulse(el) {
  if (!el || reducedMotion?.matches) return;
  el.classList.remove('pulse');
  void el.offsetWidth;
  el.classList.add('pulse');
}
