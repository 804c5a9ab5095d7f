// Bench only: the same HandoutDocument as plain HTML for Chromium's
// print-to-PDF (page.pdf), laid out like the react-pdf handout (A4, same
// margins, Noto Sans embedded, 12 pt body, French hyphenation, the warning
// signs boxed, page numbers in the footer). Not used by the app.
import type { HandoutContent, HandoutDocument } from '../../shared/handout/compose'

const esc = (s: string): string => s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;')
const lines = (s: string): string[] =>
  s
    .split(/\r\n|\r|\n/u)
    .map((l) => l.trim())
    .filter((l) => l.length > 0)

function content(c: HandoutContent): string {
  if (c.type === 'paragraph') return `<p>${esc(c.text)}</p>`
  return `<ul>${c.items.map((i) => `<li>${i.lead ? `<b>${esc(i.lead)}</b> ` : ''}${esc(i.text)}</li>`).join('')}</ul>`
}

/** `fontsUrl`: where NotoSans-Regular.ttf and NotoSans-Bold.ttf are, as a URL ending in '/'. */
export function handoutHtml(doc: HandoutDocument, fontsUrl: string): string {
  const lh = doc.letterhead
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>${esc(doc.metadata.title)}</title>
<style>
@font-face { font-family: 'Noto Sans'; font-weight: 400; src: url('${fontsUrl}NotoSans-Regular.ttf'); }
@font-face { font-family: 'Noto Sans'; font-weight: 700; src: url('${fontsUrl}NotoSans-Bold.ttf'); }
@page { size: A4; margin: 48pt 56pt 70pt 56pt; }
body { margin: 0; font-family: 'Noto Sans'; font-size: 12pt; line-height: 1.45; color: #1a1a1a; hyphens: auto; }
.letterhead { display: flex; justify-content: space-between; gap: 24pt; margin-bottom: 18pt; font-size: 10pt; }
.letterhead b { font-size: 12pt; }
h1 { font-size: 20pt; color: #1d3d6b; margin: 0; line-height: 1.2; }
.subtitle { margin: 2pt 0 14pt; }
.main { background: #eef3f9; border-left: 4pt solid #1d3d6b; padding: 8pt 12pt; margin-bottom: 14pt; font-weight: 700; font-size: 13pt; break-inside: avoid; }
.main p { margin: 0; }
h2 { font-size: 15pt; color: #1d3d6b; margin: 0 0 4pt; line-height: 1.25; break-after: avoid; }
section { margin-bottom: 10pt; }
section.alert { border: 1.5pt solid #8f1d1d; background: #fdf3f2; padding: 8pt 12pt; margin-bottom: 12pt; }
section.alert h2 { color: #8f1d1d; }
p { margin: 0 0 5pt; }
ul { margin: 0 0 5pt; padding-left: 12pt; }
li { margin-bottom: 2pt; break-inside: avoid; }
</style></head><body>
<div class="letterhead"><div>${lh.name ? `<b>${esc(lh.name)}</b><br>` : ''}${lines(lh.address).map(esc).join('<br>')}${lh.phone ? `<br>Tél.\u00a0: ${esc(lh.phone)}` : ''}</div>
<div>Le ${esc(doc.date)}${doc.patientName ? `<br>Pour\u00a0: <b>${esc(doc.patientName)}</b>` : ''}</div></div>
<h1>${esc(doc.title)}</h1>
<p class="subtitle">${esc(doc.subtitle)}</p>
${doc.mainMessage.length > 0 ? `<div class="main">${doc.mainMessage.map((p) => `<p>${esc(p)}</p>`).join('')}</div>` : ''}
${
  doc.note
    ? `<section><b>Note de votre soignant</b>${lines(doc.note)
        .map((l) => `<p>${esc(l)}</p>`)
        .join('')}</section>`
    : ''
}
${doc.sections.map((s) => `<section${s.emphasis ? ' class="alert"' : ''}><h2>${esc(s.heading)}</h2>${s.content.map(content).join('')}</section>`).join('\n')}
</body></html>`
}

/** Chromium's footer template (its own page numbers), like the react-pdf footer. */
export function footerTemplate(doc: HandoutDocument): string {
  return `<div style="font-family: 'Noto Sans', sans-serif; font-size: 9pt; color: #3d4650; width: 100%; margin: 0 56pt; border-top: 0.75pt solid #9aa5b1; padding-top: 4pt;">${esc(`${doc.footer.source}. ${doc.footer.revision}.`)}<br>${esc(doc.footer.disclaimer)} Page <span class="pageNumber"></span>\u00a0/\u00a0<span class="totalPages"></span></div>`
}
