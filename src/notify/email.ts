/**
 * Email notification of a run: subject with model, stage and verdict; a plain-text and an HTML body
 * with the failures, the summary's tables and a link to the run; sent over SMTP with nodemailer
 * (https://nodemailer.com), which is imported only here, when a message is sent (ncc makes it a
 * chunk of its own: no stage loads it at start-up).
 *
 * Never throws, and bounded in time: connection, greeting and socket timeouts, and one deadline over
 * the whole exchange. A failure is returned as text for a warning (the verdict is unchanged), built
 * from the error's code and the server's reply, scrubbed of the password in every form a server may
 * echo. TLS: `smtps://` encrypts from the start; `smtp://` must upgrade with STARTTLS; certificates
 * are verified unless the URL says `tls-verify=false` (settings/email.ts).
 */
import { escapeCell } from '../report/escape.js';
import type { SummaryBlock } from '../report/result.js';
import type { EmailSettings, SmtpServer } from '../settings/email.js';
import { oneLine } from '../secrets.js';

export interface EmailInput {
  /** The model the run is about; undefined when the run names none. */
  model?: string;
  stage: string;
  verdict: string;
  /** Untrusted text. */
  failures: string[];
  /** The stage's summary: its headings and tables go into the message. */
  summary?: SummaryBlock[];
  runUrl?: string;
}

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

export interface SendOptions {
  /** Connecting (TCP and TLS), and waiting for the greeting: each; default 10 s. */
  connectTimeoutMs?: number;
  /** The whole exchange; default 30 s. */
  timeoutMs?: number;
}

export type SendResult = { ok: true; rejected: string[] } | { ok: false; error: string };

const MAX_FAILURES = 10;
const MAX_TABLES = 3;
const MAX_ROWS = 50;
const MAX_CELL = 200;
const MAX_TEXT_CELL = 60;

/**
 * @example
 * emailContent({ model: 'churn', stage: 'gate', verdict: 'failed', failures: ['f1 = 0.7: below 0.8'] }).subject
 * // '[ml-quality-gate] churn: gate failed'
 */
export function emailContent(input: EmailInput): EmailContent {
  const stage = oneLine(input.stage, 40);
  const model = input.model ? oneLine(input.model, 100) : '';
  const verdict = oneLine(input.verdict, 60);
  const subject = `[ml-quality-gate] ${model ? `${model}: ` : ''}${stage} ${verdict}`;
  const headline = `ml-quality-gate: stage ${stage}${model ? ` of ${model}` : ''}: ${verdict}`;
  const failures = input.failures.slice(0, MAX_FAILURES).map((f) => oneLine(f, 300));
  if (input.failures.length > failures.length) failures.push(`… and ${input.failures.length - failures.length} more`);
  const tables = summaryTables(input.summary ?? []);
  const link = input.runUrl && /^https?:\/\//.test(input.runUrl) ? oneLine(input.runUrl, 500) : undefined;

  const text = [
    headline,
    ...(failures.length ? ['', 'Why:', ...failures.map((f) => `- ${f}`)] : []),
    ...tables.flatMap((t) => ['', ...(t.title ? [t.title, ''] : []), ...textTable(t.header, t.rows), ...t.note]),
    ...(link ? ['', `Run: ${link}`] : []),
  ].join('\n');

  const html = [
    '<!doctype html>\n<html><body style="font-family:sans-serif">',
    `<h2>${escapeCell(headline)}</h2>`,
    ...(failures.length ? [`<ul>\n${failures.map((f) => `<li>${escapeCell(f)}</li>`).join('\n')}\n</ul>`] : []),
    ...tables.map(htmlTable),
    ...(link ? [`<p><a href="${escapeCell(link)}">View the run</a></p>`] : []),
    '</body></html>',
  ].join('\n');
  return { subject, text, html };
}

const CELL_STYLE = 'border:1px solid #d0d7de;padding:4px 8px;text-align:left';

/** One table as HTML, every cell escaped. */
function htmlTable(t: Table): string {
  const row = (cells: string[], tag: 'th' | 'td') =>
    `<tr>${cells.map((c) => `<${tag} style="${CELL_STYLE}">${escapeCell(c)}</${tag}>`).join('')}</tr>`;
  return [
    ...(t.title ? [`<h3>${escapeCell(t.title)}</h3>`] : []),
    '<table style="border-collapse:collapse">',
    row(t.header, 'th'),
    ...t.rows.map((r) => row(r, 'td')),
    '</table>',
    ...t.note.map((n) => `<p>${escapeCell(n)}</p>`),
  ].join('\n');
}

interface Table {
  title?: string;
  header: string[];
  rows: string[][];
  note: string[];
}

/** The summary's top-level tables, each with the heading above it; rows and cells capped. */
function summaryTables(blocks: SummaryBlock[]): Table[] {
  const out: Table[] = [];
  let title: string | undefined;
  for (const b of blocks) {
    if (b.kind === 'heading') title = b.text;
    if (b.kind !== 'table' || out.length >= MAX_TABLES) continue;
    const rows = b.rows.slice(0, MAX_ROWS).map((r) => r.map((c) => oneLine(c, MAX_CELL)));
    const note = b.rows.length > MAX_ROWS ? [`… and ${b.rows.length - MAX_ROWS} more rows (see the run).`] : [];
    out.push({ title: title && oneLine(title, 200), header: b.header.map((h) => oneLine(h, MAX_CELL)), rows, note });
    title = undefined;
  }
  return out;
}

/** Columns padded to their widest cell (cells cut to a readable width). */
function textTable(header: string[], rows: string[][]): string[] {
  const cut = (c: string) => (c.length > MAX_TEXT_CELL ? `${c.slice(0, MAX_TEXT_CELL - 1)}…` : c);
  const all = [header, ...rows].map((r) => r.map(cut));
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i]))
      .join(' | ')
      .trimEnd();
  return [line(all[0]), widths.map((w) => '-'.repeat(w)).join('-+-'), ...all.slice(1).map(line)];
}

/**
 * Sends one message to every recipient of `s`. Never throws; the error text holds no secret.
 */
export async function sendEmail(
  s: EmailSettings,
  content: EmailContent,
  options: SendOptions = {},
): Promise<SendResult> {
  const connectMs = options.connectTimeoutMs ?? 10_000;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const secrets = smtpSecrets(s.smtp);
  let timer: NodeJS.Timeout | undefined;
  let close = () => {};
  try {
    const { createTransport } = await import('nodemailer');
    const transport = createTransport({
      host: s.smtp.host,
      port: s.smtp.port,
      secure: s.smtp.implicitTls,
      requireTLS: s.smtp.requireStartTls,
      tls: { rejectUnauthorized: s.smtp.verifyTls, servername: s.smtp.host, minVersion: 'TLSv1.2' },
      auth: s.smtp.user ? { user: s.smtp.user, pass: s.smtp.password } : undefined,
      connectionTimeout: connectMs,
      greetingTimeout: connectMs,
      dnsTimeout: connectMs,
      socketTimeout: timeoutMs,
      logger: false,
      debug: false,
      disableFileAccess: true,
      disableUrlAccess: true,
    });
    close = () => transport.close();
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(Object.assign(new Error('deadline'), { code: 'DEADLINE' })), timeoutMs);
    });
    const info = await Promise.race([
      transport.sendMail({ from: s.from, to: s.to, subject: content.subject, text: content.text, html: content.html }),
      deadline,
    ]);
    const rejected = (info.rejected ?? []).map(String);
    return { ok: true, rejected };
  } catch (e) {
    return { ok: false, error: describeSmtpError(e, timeoutMs, secrets) };
  } finally {
    clearTimeout(timer);
    close();
  }
}

/**
 * Sends the run's outcome by email; a warning for the log when that failed (the verdict is
 * unchanged), undefined when every recipient accepted it.
 */
export async function emailAfterRun(
  s: EmailSettings,
  input: EmailInput,
  options: SendOptions = {},
): Promise<string | undefined> {
  const result = await sendEmail(s, emailContent(input), options);
  if (!result.ok) return `email not sent: ${result.error} (the verdict is unchanged)`;
  if (result.rejected.length === 0) return undefined;
  const shown = result.rejected.slice(0, 5).map((r) => oneLine(r, 100));
  return `email refused for ${result.rejected.length} of ${s.to.length} recipients (${shown.join(', ')}) (the verdict is unchanged)`;
}

/** The password and the Base64 forms SMTP AUTH sends it in: what a server's reply must not show. */
function smtpSecrets(smtp: SmtpServer): string[] {
  if (!smtp.password) return [];
  const b64 = (t: string) => Buffer.from(t, 'utf8').toString('base64');
  return [
    smtp.password,
    encodeURIComponent(smtp.password),
    b64(smtp.password),
    b64(`\u0000${smtp.user}\u0000${smtp.password}`),
    b64(`${smtp.user}:${smtp.password}`),
  ];
}

const SMTP_CODES: Record<string, string> = {
  EAUTH: 'the server refused the user and password',
  ECONNECTION: 'the connection failed',
  ETIMEDOUT: 'the server did not answer in time',
  ESOCKET: 'the connection failed',
  ETLS: 'TLS failed',
  EDNS: 'the host name did not resolve',
  EENVELOPE: 'the server refused the sender or the recipients',
  EMESSAGE: 'the server refused the message',
  EPROTOCOL: 'the server broke the SMTP protocol',
  ENOAUTH: 'the server offers no login',
  DEADLINE: 'the exchange did not finish in time',
};

/** `<what> (<code>, SMTP <n>): <server text>` from the error's fields, scrubbed and cut short. */
function describeSmtpError(e: unknown, timeoutMs: number, secrets: string[]): string {
  const err = (e ?? {}) as { code?: unknown; responseCode?: unknown; response?: unknown; message?: unknown };
  const code = typeof err.code === 'string' && /^[A-Z_]{2,20}$/.test(err.code) ? err.code : '';
  const what =
    code === 'DEADLINE' ? `${SMTP_CODES.DEADLINE} (${timeoutMs / 1000} s)` : (SMTP_CODES[code] ?? 'sending failed');
  const status = typeof err.responseCode === 'number' ? `SMTP ${err.responseCode}` : '';
  const detail = typeof err.response === 'string' ? err.response : typeof err.message === 'string' ? err.message : '';
  const shown = oneLine(detail, 200, secrets);
  const tags = [code, status].filter(Boolean).join(', ');
  return `${what}${tags ? ` (${tags})` : ''}${shown && code !== 'DEADLINE' ? `: ${shown}` : ''}`;
}
