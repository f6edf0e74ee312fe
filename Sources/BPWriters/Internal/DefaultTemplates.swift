// The built-in copies of templates/page.html.mustache, templates/report.css and templates/page.tex.mustache.
// Re-record with `BPREPORT_RECORD=1 swift test --filter PageTemplateTests` after editing them.

enum DefaultTemplates {
    static let page = #"""
<!DOCTYPE html>
<html lang="{{lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="bpreport">
<title>{{title}}</title>
<style>
{{{stylesheet}}}
</style>
{{#katex}}
<link rel="stylesheet" href="{{katexStylesheet}}"{{#katexStylesheetIntegrity}} integrity="{{katexStylesheetIntegrity}}" crossorigin="anonymous"{{/katexStylesheetIntegrity}}>
<script defer src="{{katexScript}}"{{#katexScriptIntegrity}} integrity="{{katexScriptIntegrity}}" crossorigin="anonymous"{{/katexScriptIntegrity}}></script>
<script defer src="{{katexAutoRender}}"{{#katexAutoRenderIntegrity}} integrity="{{katexAutoRenderIntegrity}}" crossorigin="anonymous"{{/katexAutoRenderIntegrity}} onload="renderMathInElement(document.body, {delimiters: [{left: '\\[', right: '\\]', display: true}, {left: '\\(', right: '\\)', display: false}]});"></script>
{{/katex}}
</head>
<body>
<article class="bp-report">
{{{body}}}
</article>
{{^katex}}
<script>
/* Hovering or focusing an entry of a worked result lights it and the operands' entries it
   came from (a row of a left factor, a column of a right factor, the same entry of the rest),
   within its formula. Nothing else depends on it: without it the page reads the same. */
(function () {
  function grid(part) {
    var table = part.querySelector('mtable');
    return table ? Array.from(table.children, function (row) { return Array.from(row.children); }) : [[part]];
  }
  function light(event) {
    document.querySelectorAll('.bp-lit').forEach(function (cell) { cell.classList.remove('bp-lit'); });
    var result = event.target.closest ? event.target.closest('[data-role="result"]') : null;
    if (!result || event.type === 'mouseout' || event.type === 'focusout') return;
    var cells = grid(result), i = -1, j = -1;
    cells.forEach(function (row, r) { row.forEach(function (cell, c) { if (cell.contains(event.target)) { i = r; j = c; } }); });
    if (i < 0) return;
    var lit = [cells[i][j]];
    result.closest('math').querySelectorAll('[data-link]').forEach(function (part) {
      if (part.getAttribute('data-link') !== result.getAttribute('data-link')) return;
      var rows = grid(part), role = part.getAttribute('data-role');
      if (role === 'rows') lit = lit.concat(rows[i] || []);
      if (role === 'columns') rows.forEach(function (row) { if (row[j]) lit.push(row[j]); });
      if (role === 'entries' && rows[i] && rows[i][j]) lit.push(rows[i][j]);
    });
    lit.forEach(function (cell) { cell.classList.add('bp-lit'); });
  }
  ['mouseover', 'mouseout', 'focusin', 'focusout'].forEach(function (type) { document.addEventListener(type, light); });
})();
</script>
{{/katex}}
</body>
</html>

"""#

    static let stylesheet = #"""
/* bpreport's page: reads on screen, prints on A4. */
:root {
  color-scheme: light;
  --rule: #8a8f98;
  --accent: #2f5d8a;
}
body {
  margin: 0;
  color: #1b1b1f;
  background: #fff;
  font-family: "DejaVu Serif", "Noto Serif CJK KR", "Noto Serif KR", "Nanum Myeongjo", Georgia, serif;
  font-size: 17px;
  line-height: 1.55;
}
.bp-report {
  max-width: 56rem;
  margin: 2.5rem auto 4rem;
  padding: 0 1.25rem;
}
h1, h2, h3 {
  font-family: "DejaVu Sans", "Noto Sans CJK KR", "Noto Sans KR", "Nanum Gothic", system-ui, sans-serif;
  line-height: 1.25;
  color: var(--accent);
}
h1 { font-size: 1.7rem; margin: 0 0 1.2rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 0.6rem; border-bottom: 1px solid #d5d8dd; padding-bottom: 0.2rem; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 0.5rem; }
p { margin: 0.5rem 0; }
/* A font with an OpenType MATH table makes brackets stretch around matrices in Chromium;
   without one the page still reads, with brackets of text height. */
math {
  font-family: "DejaVu Math TeX Gyre", "Latin Modern Math", "STIX Two Math", math;
  font-size: 1.05em;
}
.bp-display {
  margin: 0.75rem 0;
  overflow-x: auto;
  overflow-y: hidden;
  padding: 0.15rem 0;
  break-inside: avoid;
  page-break-inside: avoid;
}
.bp-display > math { display: block math; }
mtable.bp-array > mtr > mtd { padding: 0.3em 0.75em; }
mtable.bp-rules > mtr > mtd + mtd { border-left: 1px solid var(--rule); }
mtable.bp-header > mtr:first-child > mtd { border-bottom: 1px solid var(--rule); }
mtable.bp-aligned > mtr > mtd { padding: 0.25em 0; }
mtd.bp-left { text-align: left; }
mtd.bp-right { text-align: right; }
mtd.bp-center { text-align: center; }
.bp-math { white-space: nowrap; }
/* A handout's blanks: a box per matrix entry, a line for a scalar. */
mspace.bp-box { border: 1px solid #4a4f57; }
mspace.bp-line { border-bottom: 1px solid #4a4f57; }
/* A checked key: each claim's verdict under the correct value (a symbol and a colour). */
munder.bp-claim > mtext { font-size: 0.8em; }
munder.bp-claim-right > mtext { color: #1f6f3a; }
munder.bp-claim-new > mtext { color: #b3261e; font-weight: bold; }
munder.bp-claim-new > mrow { background: #fde7e6; }
munder.bp-claim-carried > mtext { color: #8a5a00; }
section.bp-check-summary { border-left: 3px solid var(--accent); padding-left: 0.6em; }
/* Tables of text (the gradient check): ruled under the header, cells apart. */
table { border-collapse: collapse; margin: 0.8em auto; }
th, td { padding: 0.3em 0.8em; vertical-align: middle; }
thead th { border-bottom: 1px solid var(--rule); font-weight: 600; }
/* The tool's drawings: the network and the loss curve, scaled down to the column. */
figure { margin: 1.2em 0; }
figure > svg, figure > img { display: block; max-width: 100%; height: auto; margin: 0 auto; }
figcaption { font-size: 0.9em; color: #444; margin-top: 0.4em; }
/* An entry of a worked result under the pointer (or focus), and the operands' entries it was
   computed from, lit by the page's script: a background and an outline only, so nothing moves;
   amber, which reads under dark text and light text alike. */
.bp-lit { background: rgba(255, 190, 0, 0.32); outline: 1px solid #a86b00; outline-offset: -1px; }
/* TeX the reader did not understand, shown as written. */
mtext.bp-tex { font-family: "DejaVu Sans Mono", monospace; color: #a4262c; }
@page {
  size: A4;
  margin: 16mm 14mm;
}
@media print {
  body { font-size: 10.5pt; }
  .bp-report { max-width: none; margin: 0; padding: 0; break-before: page; }
  .bp-display { overflow: visible; }
  h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
  .bp-step { break-before: auto; }
  figure, table { break-inside: avoid; page-break-inside: avoid; }
  /* A tall picture (a screenshot) kept to most of a page, its shape kept: else it is cut. */
  figure > img { max-height: 200mm; width: auto; }
  .bp-lit { background: none; outline: none; }
}

"""#

    static let tex = #"""
{{=<% %>=}}
<%! The LaTeX document around a report (bpreport render --to tex): Mustache with the
    delimiters set to angle brackets and percent signs, since TeX is full of braces. The
    title, heading and body are TeX already, so they are put in unescaped (with an ampersand); the
    lualatex section holds what a document with Hangul or other Unicode text needs (it is
    compiled with lualatex), and the rest compiles with pdflatex. %>
% Made by bpreport. Compile with <%#lualatex%>lualatex<%/lualatex%><%^lualatex%>pdflatex<%/lualatex%>.
\documentclass[11pt,a4paper]{article}
\usepackage[a4paper,margin=25mm]{geometry}
\usepackage{amsmath,amssymb}
<%#lualatex%>
\usepackage{fontspec}
% Latin Modern for Latin text, as with pdflatex; Hangul and other scripts from Nanum
% (Debian's fonts-nanum), symbols from DejaVu.
\directlua{luaotfload.add_fallback("bpfallback", {"NanumMyeongjo:mode=harf;", "NanumGothic:mode=harf;", "DejaVu Sans:mode=harf;"})}
\setmainfont{Latin Modern Roman}[RawFeature={fallback=bpfallback}]
\setsansfont{Latin Modern Sans}[RawFeature={fallback=bpfallback}]
\setmonofont{Latin Modern Mono}[RawFeature={fallback=bpfallback}]
<%/lualatex%>
<%^lualatex%>
\usepackage[T1]{fontenc}
\usepackage[utf8]{inputenc}
\usepackage{lmodern}
<%/lualatex%>
\usepackage{graphicx}
\usepackage{booktabs}
\usepackage{longtable}
\usepackage{tikz}
\usepackage[hidelinks]{hyperref}
\hypersetup{pdftitle={<%&pdftitle%>}, pdfcreator={bpreport}}
\setlength{\parindent}{0pt}
\setlength{\parskip}{0.5\baselineskip plus 2pt}
\setlength{\emergencystretch}{3em}
% Rows of matrices and of a step's table a little apart, as on the HTML page.
\renewcommand{\arraystretch}{1.2}
\setlength{\jot}{6pt}
\raggedbottom
% No id made of the time and the folder TeX ran in: the same report, the same PDF.
\ifdefined\pdftrailerid \pdftrailerid{}\fi
\ifdefined\pdfvariable \pdfvariable suppressoptionalinfo 512\relax\fi

% A checked key's marks, coloured as on the HTML page: a tick (right), a cross that cannot be
% read as "times" (a new mistake) and an arrow (a mistake carried from an earlier one), the
% last two over what the key claimed.
\definecolor{bpright}{HTML}{1F6F3A}
\definecolor{bpnew}{HTML}{B3261E}
\definecolor{bpcarried}{HTML}{8A5A00}
\newcommand\bpcheck{\textcolor{bpright}{\ensuremath{\checkmark}}}
\newcommand\bpcross{\tikz[baseline=0ex]{\draw[bpnew,line width=.75pt,line cap=round] (0,0) -- (.55em,.7em) (.05em,.62em) -- (.5em,0);}}
\newcommand\bpright[1]{{#1}^{\bpcheck}}
\newcommand\bpnew[2]{\underset{\textcolor{bpnew}{\text{\bpcross}\,#2}}{#1}}
\newcommand\bpcarried[2]{\underset{\textcolor{bpcarried}{\rightarrow\,#2}}{#1}}
% A handout's blanks: a box for a matrix entry (kept apart from its neighbours), a line for a scalar.
\newcommand\bpblankbox{\raisebox{0pt}[\dimexpr\height+2.5pt\relax][\dimexpr\depth+2.5pt\relax]{\fbox{\rule[-0.35em]{0pt}{1.3em}\rule{2.4em}{0pt}}}}
\newcommand\bpblankline{\underline{\hspace{3em}}}
% Headings of a step's parts ([Forward], ...) on lines of their own, as the others.
\makeatletter
\renewcommand\paragraph{\@startsection{paragraph}{4}{\z@}{2ex \@plus 1ex \@minus .2ex}{0.8ex}{\normalfont\normalsize\bfseries}}
\makeatother
% Whatever is wider than the line (a step's table of matrices, say) is scaled down to it.
\newsavebox\bpbox
\newcommand\bpfit[1]{\sbox\bpbox{#1}\ifdim\wd\bpbox>\linewidth\resizebox{\linewidth}{!}{\usebox\bpbox}\else\usebox\bpbox\fi}
% An image at its own size, scaled down to the line's width and to most of a page's height.
\newcommand\bpimage[1]{\sbox\bpbox{\includegraphics{#1}}%
  \ifdim\wd\bpbox>\linewidth\sbox\bpbox{\includegraphics[width=\linewidth]{#1}}\fi
  \ifdim\ht\bpbox>0.7\textheight\sbox\bpbox{\includegraphics[height=0.7\textheight]{#1}}\fi
  \usebox\bpbox}
% A display stays with the text that leads into it, as TeX keeps its own math displays.
\newenvironment{bpdisplay}{\par\nopagebreak[4]\centering}{\par}
\newcommand\bpmath[1]{\begin{bpdisplay}\bpfit{$\displaystyle #1$}\end{bpdisplay}}
\newcommand\bpcaption[1]{\par{\small #1\par}}
\newenvironment{bpcode}{\par\small\ttfamily\raggedright\parskip=0pt}{\par}

\begin{document}
<%#heading%>
{\LARGE\bfseries <%&heading%>\par}
\bigskip

<%/heading%>
<%&body%>
\end{document}

"""#
}
