import { escapeMrkdwn, slackMessage } from '../../src/notify/slack-message.js';

test('escapes mrkdwn control characters', () => {
  expect(escapeMrkdwn('a < b && c > <!channel>')).toBe('a &lt; b &amp;&amp; c &gt; &lt;!channel&gt;');
});

test('lists the top failures, the rest as a count, and links the run', () => {
  const failures = ['auc 0.71 < 0.80', 'f1 <dropped>', 'c', 'd', 'e', 'f', 'g'];
  const msg = slackMessage({
    stage: 'gate',
    verdict: 'failed',
    failures,
    runUrl: 'https://github.com/o/r/actions/runs/1?a=1&b=2',
  });
  expect(msg.text).toBe('ml-quality-gate gate: failed');
  expect(msg.blocks).toEqual([
    { type: 'section', text: { type: 'mrkdwn', text: '*ml-quality-gate* gate: *failed*' } },
    {
      type: 'section',
      text: { type: 'mrkdwn', text: '• auc 0.71 &lt; 0.80\n• f1 &lt;dropped&gt;\n• c\n• d\n• e\n…and 2 more' },
    },
    {
      type: 'context',
      elements: [{ type: 'mrkdwn', text: '<https://github.com/o/r/actions/runs/1?a=1&amp;b=2|View the run>' }],
    },
  ]);
});

test('a passing verdict has no failure list; long failures are cut', () => {
  expect(slackMessage({ stage: 'drift', verdict: 'passed', failures: [] }).blocks).toHaveLength(1);
  const long = slackMessage({ stage: 'gate', verdict: 'failed', failures: ['x'.repeat(1000)], maxFailures: 1 });
  expect(JSON.stringify(long.blocks![1]).length).toBeLessThan(400);
});
