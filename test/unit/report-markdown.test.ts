// Markdown from outside text: what would be markup is escaped, what would not is left readable.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { cell, fenced, inline, table } from "../../src/report/markdown.js";

describe("Markdown escaping", () => {
  it("escapes what CommonMark reads as markup: emphasis, code, links, HTML, entities", () => {
    assert.equal(inline("*bold* `code` [link](http://x) ~~gone~~ \\"), "\\*bold\\* \\`code\\` \\[link\\](http://x) \\~\\~gone\\~\\~ \\\\");
    assert.equal(inline('<img src=x onerror=alert(1)>'), "&lt;img src=x onerror=alert(1)>");
    assert.equal(inline("&amp; & &#60;"), "&amp;amp; & &amp;#60;");
    assert.equal(inline("_dmarc.example and snake_case_name and _x_"), "\\_dmarc.example and snake_case_name and \\_x\\_");
  });

  it("leaves alone what means nothing inside a line, and folds line breaks", () => {
    assert.equal(inline("v=spf1 include:spf.protection.outlook.com -all (RFC 7208 §5) #1 + 2 !"), "v=spf1 include:spf.protection.outlook.com -all (RFC 7208 §5) #1 + 2 !");
    assert.equal(inline("line one\n# heading?\r\n- item?"), "line one # heading? - item?");
  });

  it("escapes the column separator in table cells, and pads tables for the raw file", () => {
    assert.equal(cell("a|b"), "a\\|b");
    assert.deepEqual(table(["x", "count"], [["long value", "7"]], ["left", "right"]), ["| x          | count |", "|------------|------:|", "| long value |     7 |"]);
  });

  it("fences a block with more backticks than it holds", () => {
    assert.equal(fenced("a ``` b"), "````\na ``` b\n````");
  });
});
