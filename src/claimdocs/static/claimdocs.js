// claimdocs.js: progressive enhancement. Cards work with CSS alone; this places an open
// card beside its claim, inside the window and outside any clipping box, closes it on
// Escape (WCAG 2.1 SC 1.4.13: dismissible), and keeps the link's plain title (the
// no-script fallback) from showing over the card. On a touch screen the first tap opens
// the card and the second follows the link. On the claims index it runs the filter and keeps
// the entry a reader landed on highlighted.
// Loaded with defer: the document is parsed when it runs.
(() => {
  const GAP = 4, MARGIN = 8; // GAP: claimdocs.css's --claim-card-gap, which its bridge spans
  // Where claimdocs.css pins the card to the bottom of the window (a phone's touch screen).
  const pinned = matchMedia('(max-width: 40rem) and (hover: none)');
  const cardOf = (claim) => claim.querySelector(':scope > .claim-card');
  const linkOf = (claim) => claim.querySelector(':scope > .claim-link');
  function place(claim) {
    const card = cardOf(claim);
    const link = linkOf(claim);
    if (!card || !link) return;
    if (pinned.matches) {
      card.classList.remove('claim-card-placed', 'claim-card-above');
      card.style.left = card.style.top = '';
      return;
    }
    const line = link.getClientRects()[0] || link.getBoundingClientRect();
    card.classList.add('claim-card-placed');
    const w = card.offsetWidth, h = card.offsetHeight;
    const width = document.documentElement.clientWidth;
    const left = Math.max(MARGIN, Math.min(line.left, width - w - MARGIN));
    let top = line.bottom + GAP;
    const above = top + h > innerHeight - MARGIN && line.top - h - GAP > MARGIN;
    if (above) top = line.top - h - GAP;
    card.classList.toggle('claim-card-above', above);
    card.style.left = `${left}px`;
    card.style.top = `${top}px`;
  }
  const open = () => document.querySelectorAll('.claim:hover, .claim:focus-within').forEach(place);
  document.addEventListener('mouseover', (e) => { const c = e.target.closest?.('.claim'); if (c) place(c); });
  document.addEventListener('focusin', (e) => { const c = e.target.closest?.('.claim'); if (c) place(c); });
  addEventListener('scroll', open, {passive: true});
  addEventListener('resize', open);

  // Escape closes every open card without moving the pointer or focus; focus inside a card goes
  // back to its claim's link. The card stays closed until the pointer comes back onto the claim
  // from outside it, or focus does.
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    let closed = false;
    document.querySelectorAll('.claim:hover, .claim:focus-within').forEach((claim) => {
      const card = cardOf(claim);
      if (!card || getComputedStyle(card).display === 'none') return;
      if (card.contains(document.activeElement)) linkOf(claim)?.focus();
      claim.classList.add('claim-dismissed');
      closed = true;
    });
    if (closed) e.preventDefault();
  });
  const rearm = (e) => {
    const claim = e.target.closest?.('.claim.claim-dismissed');
    if (claim && !claim.contains(e.relatedTarget)) claim.classList.remove('claim-dismissed');
  };
  document.addEventListener('mouseover', rearm);
  document.addEventListener('focusin', rearm);

  // Touch screens have no hover: the first tap on a claim opens its card (the link takes
  // focus), a second tap on it follows the link, a tap anywhere else closes the card.
  const touch = matchMedia('(hover: none)');
  let armed = null;
  document.addEventListener('click', (e) => {
    const link = e.target.closest?.('.claim > a.claim-link[aria-describedby]');
    if (!link || !touch.matches || link === armed) return;
    e.preventDefault();
    armed = link;
    link.focus();
    place(link.parentElement);
  });
  document.addEventListener('focusout', (e) => { if (e.target === armed) armed = null; });
  // The card is the tooltip (the link's aria-describedby names it). A native title would pop
  // up over it a moment later, so it moves to data-title; without this script it stays.
  document.querySelectorAll('.claim > a.claim-link[title][aria-describedby]').forEach((a) => {
    a.dataset.title = a.title;
    a.removeAttribute('title');
  });

  // The claims index. The entry a reader lands on (#claim-<id>, #entity-<id>) is :target; it keeps
  // .claim-entry-landed while the reader follows the kind links or filters, until they land on another.
  const landed = () => {
    const id = decodeURIComponent(location.hash.slice(1));
    const entry = id && document.getElementById(id);
    if (!entry || !entry.classList.contains('claim-entry')) return;
    document.querySelectorAll('.claim-entry-landed').forEach((e) => e.classList.remove('claim-entry-landed'));
    entry.classList.add('claim-entry-landed');
    if (entry.hidden && form) clearFilter(); // a link inside the index to an entry the filter hides
  };
  // The filter (by text, kind and who): the form is hidden in the page, so without this script
  // there are no controls and the whole index shows.
  const form = document.querySelector('form.claims-filter');
  const fold = (s) => s.toLowerCase().replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"').replace(/\s+/g, ' ');
  const entries = form ? [...form.closest('.claims-index').querySelectorAll('.claim-entry')] : [];
  const words = new Map(entries.map((e) => [e, fold([...e.children]
    .filter((c) => c.tagName !== 'SCRIPT').map((c) => c.textContent).join(' '))]));
  function filter() {
    const text = fold(form.elements.text.value).split(' ').filter(Boolean);
    const kind = form.elements.kind.value, who = form.elements.who.value;
    let shown = 0;
    for (const entry of entries) {
      const show = (!kind || entry.dataset.kind === kind) &&
        (!who || (entry.dataset.who || '').split(' ').includes(who)) &&
        text.every((w) => words.get(entry).includes(w));
      entry.hidden = !show;
      if (show) shown += 1;
    }
    for (const box of form.closest('.claims-index').querySelectorAll('.claims-group, .claims-kind')) {
      box.hidden = !box.querySelector('.claim-entry:not([hidden])');
    }
    const active = text.length || kind || who;
    form.querySelector('.claims-filter-status').textContent =
      active ? `${shown} of ${entries.length} entries match.` : '';
  }
  function clearFilter() {
    form.reset();
    filter();
  }
  if (form) {
    form.addEventListener('input', filter);
    form.addEventListener('submit', (e) => e.preventDefault());
    form.hidden = false;
  }
  landed();
  addEventListener('hashchange', landed);
})();
