// report.html: one self-contained page to read in a browser or print (render.ts).
import { defineFormat } from "../format.js";
import { htmlParts } from "./render.js";

export const htmlFormat = defineFormat({
  id: "html",
  files: ["report.html"],
  description: "report.html: one self-contained page (no scripts) to read in a browser or print",
  render: (input) => ({ "report.html": htmlParts(input) }),
});
