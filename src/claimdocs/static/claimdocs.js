// claimdocs.js: progressive enhancement. Cards work with CSS alone; this places an open
// card beside its claim, inside the window and outside any clipping box, and keeps the
// link's plain title (the no-script fallback) from showing over the card. On a touch
// screen the first tap opens the card and the second follows the link.
// Loaded with defer: the document is parsed when it runs.
(() => {
  const GAP = 4, MARGIN = 8;
  const narrow = matchMedia('(max-width: 40rem)');
  function place(claim) {
    const card = claim.querySelector(':scope > .claim-card');
    const link = claim.querySelector(':scope > .claim-link');
    if (!card || !link || narrow.matches) return;
    const line = link.getClientRects()[0] || link.getBoundingClientRect();
    card.classList.add('claim-card-placed');
    const w = card.offsetWidth, h = card.offsetHeight;
    const width = document.documentElement.clientWidth;
    const left = Math.max(MARGIN, Math.min(line.left, width - w - MARGIN));
    let top = line.bottom + GAP;
    if (top + h > innerHeight - MARGIN && line.top - h - GAP > MARGIN) top = line.top - h - GAP;
    card.style.left = `${left}px`;
    card.style.top = `${top}px`;
  }
  const open = () => document.querySelectorAll('.claim:hover, .claim:focus-within').forEach(place);
  document.addEventListener('mouseover', (e) => { const c = e.target.closest?.('.claim'); if (c) place(c); });
  document.addEventListener('focusin', (e) => { const c = e.target.closest?.('.claim'); if (c) place(c); });
  addEventListener('scroll', open, {passive: true});
  addEventListener('resize', open);
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
})();
