// Every colour a page shows outside the allowed palette: text, backgrounds, borders,
// outlines, shadows and underlines of each visible element and its ::before/::after (GOV.UK
// draws radio circles there). An <img> must be drawn in greys. Returns "element property colour".
(allowed) => {
  const seen = {};
  const norm = c => c.replace(/\s+/g, '');
  const clear = c => /rgba\(\d+,\d+,\d+,0\)/.test(norm(c));
  const ok = c => !c || c === 'none' || allowed.includes(norm(c)) || clear(c);
  const visible = el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  const skipped = ['SCRIPT', 'STYLE', 'TITLE', 'svg', 'path', 'circle', 'rect', 'g', 'OPTION'];
  const colours = (s) => {
    const out = [['color', s.color], ['background-color', s.backgroundColor]];
    for (const side of ['Top', 'Right', 'Bottom', 'Left']) {
      if (parseFloat(s['border' + side + 'Width']) > 0 && s['border' + side + 'Style'] !== 'none')
        out.push(['border-' + side.toLowerCase(), s['border' + side + 'Color']]);
    }
    if (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) out.push(['outline', s.outlineColor]);
    for (const m of (s.boxShadow || '').matchAll(/rgba?\([^)]*\)/g)) out.push(['box-shadow', m[0]]);
    if (s.textDecorationLine !== 'none') out.push(['text-decoration', s.textDecorationColor]);
    if (s.backgroundImage && s.backgroundImage !== 'none') out.push(['background-image', 'image']);
    return out;
  };
  const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\s+/).join('.') : '');
  for (const el of document.querySelectorAll('body *')) {
    if (!visible(el) || skipped.includes(el.tagName)) continue;
    for (const pseudo of [null, '::before', '::after']) {
      const s = getComputedStyle(el, pseudo);
      if (pseudo && (s.content === 'none' || s.content === 'normal')) continue;
      for (const [prop, c] of colours(s)) {
        if (prop === 'color' && !pseudo && !el.textContent.trim()) continue;
        if (!ok(c)) seen[name(el) + (pseudo || '') + ' ' + prop + ' ' + norm(c)] = true;
      }
    }
    if (el.tagName === 'IMG' && !/grayscale\(1\)/.test(getComputedStyle(el).filter))
      seen[name(el) + ' img in colour'] = true;
  }
  return Object.keys(seen);
}
