// The output sanitiser and the secret scrubber (src/text): what each makes of hostile text.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { rememberSecret, scrubSecrets } from "../../src/text/secrets.js";
import { visibleControls } from "../../src/text/visible.js";

describe("visibleControls", () => {
  const cases: [string, string][] = [
    ["\u001b[2Jcleared", "\\x1b[2Jcleared"],
    ["\u001b]8;;https://evil.example\u0007link\u001b]8;;\u0007", "\\x1b]8;;https://evil.example\\x07link\\x1b]8;;\\x07"],
    ["nul\u0000byte", "nul\\x00byte"],
    ["c1\u009bcsi", "c1\\x9bcsi"],
    ["del\u007f", "del\\x7f"],
    ["line\nbreak\tand tab stay", "line\nbreak\tand tab stay"],
    ["carriage\rreturn", "carriage\\x0dreturn"],
    ["café ✓", "café ✓"],
  ];
  for (const [input, output] of cases) it(JSON.stringify(input), () => assert.equal(visibleControls(input), output));
});

describe("scrubSecrets", () => {
  rememberSecret("s3cr3t-value-of-this-run");
  const cases: [string, string][] = [
    ["secret: s3cr3t-value-of-this-run here", "secret: [redacted] here"],
    ["Authorization: Bearer abc.def-123456789", "Authorization: Bearer [redacted]"],
    ["client_secret=hunter2hunter2&scope=x", "client_secret=[redacted]&scope=x"],
    ['{"access_token":"opaque-token-1234"}', '{"access_token":"[redacted]"}'],
    ["jwt eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.sig-part_1 end", "jwt [redacted] end"],
    ["nothing secret in 127.0.0.1:25", "nothing secret in 127.0.0.1:25"],
  ];
  for (const [input, output] of cases) it(JSON.stringify(input), () => assert.equal(scrubSecrets(input), output));
  it("ignores values too short to be a secret", () => {
    rememberSecret("short");
    assert.equal(scrubSecrets("a short word"), "a short word");
  });
});
