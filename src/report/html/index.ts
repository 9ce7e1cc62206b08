// report.html: one self-contained page to read in a browser or print (render.ts).
import type { Render } from "../format.js";
import { htmlParts } from "./render.js";

export const render: Render = (input) => ({ "report.html": htmlParts(input) });
