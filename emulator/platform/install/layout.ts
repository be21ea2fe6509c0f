import { html, raw, type Html, type HtmlPart } from '../frontend/pages/html';

/**
 * The chrome of the emulator's own pages (settings, inspector): the product's look, a grey
 * background, white cards and blue buttons. Every value goes through the escaping `html` tag.
 */

const CSS = `
*{box-sizing:border-box}
body{margin:0;background:#f1f4f8;color:#12344d;font:14px/1.5 -apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif}
header.fdk-bar{background:#12344d;color:#fff;padding:12px 24px;display:flex;gap:16px;align-items:center}
header.fdk-bar a{color:#c9e1ff;text-decoration:none}
header.fdk-bar strong{font-size:16px}
main{max-width:880px;margin:24px auto;padding:0 16px}
.card{background:#fff;border:1px solid #dfe5ec;border-radius:6px;box-shadow:0 1px 2px rgba(18,52,77,.06);padding:20px 24px;margin-bottom:16px}
.card h1,.card h2{margin:0 0 12px;font-size:18px}
.muted{color:#6f7c87}
.pill{display:inline-block;border-radius:10px;padding:1px 10px;font-size:12px;font-weight:600}
.pill.on{background:#e0f5f1;color:#00795b}.pill.off{background:#ebeff3;color:#475867}
.banner{border-radius:4px;padding:10px 14px;margin-bottom:16px;border:1px solid}
.banner.error{background:#ffecf0;border-color:#ffd0d6;color:#c82124}
.banner.ok{background:#e0f5f1;border-color:#b4e5da;color:#00795b}
.field{margin-bottom:16px}
.field label,.field .label{display:block;font-weight:600;margin-bottom:4px;padding:0}
.field fieldset{border:0;margin:0;padding:0}
.field .req{color:#c82124;margin-left:2px}
.field .hint{margin:4px 0 0;color:#6f7c87;font-size:12px}
.field .error{margin:4px 0 0;color:#c82124;font-size:12px}
.field .error:empty,.field .hint:empty{display:none}
.field input[type=text],.field input[type=email],.field input[type=number],.field input[type=tel],.field input[type=date],
.field input[type=url],.field input[type=password],.field textarea,.field select{width:100%;padding:7px 10px;border:1px solid #cfd7df;border-radius:4px;font:inherit;color:inherit;background:#fff}
.field textarea{min-height:80px}
.field .choice{display:flex;gap:6px;align-items:center;font-weight:400;margin:2px 0}
.field.invalid input,.field.invalid textarea,.field.invalid select{border-color:#c82124}
.saved-secret{font-size:12px;color:#00795b;margin:4px 0 0}
.actions{display:flex;gap:12px;align-items:center;margin-top:8px}
button,.button{background:#2c5cc5;color:#fff;border:1px solid #2c5cc5;border-radius:4px;padding:8px 16px;font:inherit;font-weight:600;cursor:pointer}
button:hover{background:#224ba3}
button:disabled{background:#9fb3de;border-color:#9fb3de;cursor:default}
button.danger{background:#fff;color:#c82124;border-color:#c82124}
button.danger:hover{background:#ffecf0}
iframe.settings-frame{width:100%;min-height:420px;border:1px solid #dfe5ec;border-radius:4px;background:#fff}
table{width:100%;border-collapse:collapse;font-size:13px}
th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #ebeff3;vertical-align:top}
th{color:#475867;font-weight:600}
code,pre{font-family:SFMono-Regular,Consolas,monospace;font-size:12px}
pre{white-space:pre-wrap;word-break:break-word;margin:4px 0;background:#f5f7f9;padding:6px 8px;border-radius:4px}
`;

export interface PageOptions {
  title: string;
  /** Extra markup for <head> (scripts, refresh). */
  head?: HtmlPart;
}

export function page({ title, head }: PageOptions, body: HtmlPart): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${raw(CSS)}</style>
${head}
</head>
<body>
<header class="fdk-bar"><strong>FDK emulator</strong><a href="/__fdk/settings">Settings</a><a href="/__fdk/inspector">Inspector</a><a href="/web/test">Test events</a></header>
<main>
${body}
</main>
</body>
</html>
`.text;
}

export type BannerKind = 'error' | 'ok';

export function banner(kind: BannerKind, message: string | undefined): Html | undefined {
  if (message === undefined || message === '') return undefined;
  return html`<div class="banner ${kind}" role="${kind === 'error' ? 'alert' : 'status'}">${message}</div>`;
}
