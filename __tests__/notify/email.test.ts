/**
 * The email's content (no server: __tests__/integration/email.test.ts sends it to a real one):
 * subject with model, stage and verdict; the failures and the summary's tables in plain text and
 * HTML, untrusted text escaped and capped; the link only when it is http(s).
 */
import fc from 'fast-check';
import { emailContent, sendEmail } from '../../src/notify/email.js';
import type { SummaryBlock } from '../../src/report/result.js';

const summary: SummaryBlock[] = [
  { kind: 'heading', text: '❌ Quality gate failed: 1 of 2 checked metrics broke their rules (accuracy)' },
  {
    kind: 'table',
    header: ['Status', 'Metric', 'Value'],
    rows: [
      ['❌ fail', 'accuracy', '0.71'],
      ['✅ pass', 'latency_p95_seconds', '0.004'],
    ],
  },
  {
    kind: 'details',
    summary: 'other metrics',
    blocks: [{ kind: 'table', header: ['Metric'], rows: [['hidden_in_details']] }],
  },
  { kind: 'markdown', markdown: '<b>trusted markdown</b>' },
];

test('subject, failures, the summary table and the run link, in both bodies', () => {
  const c = emailContent({
    model: 'breast-cancer',
    stage: 'gate',
    verdict: 'failed',
    failures: ['accuracy = 0.71: below the minimum 0.9 (rule >= 0.9)'],
    summary,
    runUrl: 'https://github.com/org/repo/actions/runs/42',
  });
  expect(c.subject).toBe('[ml-quality-gate] breast-cancer: gate failed');
  expect(c.text.split('\n')).toEqual([
    'ml-quality-gate: stage gate of breast-cancer: failed',
    '',
    'Why:',
    '- accuracy = 0.71: below the minimum 0.9 (rule >= 0.9)',
    '',
    '❌ Quality gate failed: 1 of 2 checked metrics broke their rules (accuracy)',
    '',
    'Status | Metric              | Value',
    '-------+---------------------+------',
    '❌ fail | accuracy            | 0.71',
    '✅ pass | latency_p95_seconds | 0.004',
    '',
    'Run: https://github.com/org/repo/actions/runs/42',
  ]);
  expect(c.html).toContain('<li>accuracy = 0.71: below the minimum 0.9 (rule &gt;= 0.9)</li>');
  expect(c.html).toMatch(/<td[^>]*>latency_p95_seconds<\/td><td[^>]*>0\.004<\/td>/);
  expect(c.html).toContain('<a href="https://github.com/org/repo/actions/runs/42">View the run</a>');
  // Only the top-level tables: not what is folded away, nor trusted Markdown meant for the summary.
  expect(c.text + c.html).not.toContain('hidden_in_details');
  expect(c.html).not.toContain('trusted markdown');
});

test('no model, no failures, no link: a short message', () => {
  const c = emailContent({ stage: 'drift', verdict: 'passed', failures: [], runUrl: 'javascript:alert(1)' });
  expect(c.subject).toBe('[ml-quality-gate] drift passed');
  expect(c.text).toBe('ml-quality-gate: stage drift: passed');
  expect(c.html).not.toContain('javascript:');
});

test('untrusted text cannot add a header, a tag or an attribute, whatever it holds', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 300 }), fc.string({ maxLength: 300 }), (name, verdict) => {
      const c = emailContent({
        model: name,
        stage: 'gate',
        verdict,
        failures: [name],
        summary: [{ kind: 'table', header: ['Metric'], rows: [[name]] }],
      });
      expect(c.subject).not.toMatch(/[\r\n]/);
      const tags = c.html.match(/<[^>]*>/g) ?? [];
      for (const tag of tags)
        expect(tag).toMatch(
          /^<\/?(!doctype html|html|body[^>]*|h2|h3|ul|li|table[^>]*|tr|th[^>]*|td[^>]*|p|a [^>]*)>$/,
        );
    }),
  );
});

test('rows, tables, failures and cells are capped', () => {
  const rows = Array.from({ length: 80 }, (_, i) => [`m${i}`, 'x'.repeat(500)]);
  const c = emailContent({
    stage: 'validate',
    verdict: 'failed',
    failures: Array.from({ length: 30 }, (_, i) => `f${i}`),
    summary: Array.from({ length: 5 }, () => ({ kind: 'table' as const, header: ['Metric', 'Why'], rows })),
  });
  expect(c.text).toContain('- … and 20 more');
  expect(c.text).toContain('… and 30 more rows (see the run).');
  expect(c.html.match(/<table/g)).toHaveLength(3);
  expect(c.html).not.toContain('x'.repeat(201));
  expect(c.text).not.toContain('x'.repeat(61));
});

test('sending never throws: an unknown host is a failure with a reason', async () => {
  const result = await sendEmail(
    {
      to: ['a@example.com'],
      from: 'b@example.com',
      smtp: {
        host: 'no-such-host.invalid',
        port: 25,
        implicitTls: false,
        requireStartTls: true,
        verifyTls: true,
        user: 'u',
        password: 'pw-77',
      },
    },
    emailContent({ stage: 'gate', verdict: 'failed', failures: [] }),
    { connectTimeoutMs: 2000, timeoutMs: 4000 },
  );
  expect(result.ok).toBe(false);
  if (!result.ok) {
    expect(result.error).toMatch(/^(the host name did not resolve|the connection failed)/);
    expect(result.error).not.toContain('pw-77');
  }
});
