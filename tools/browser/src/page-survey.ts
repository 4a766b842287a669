/** One chart found on the page. */
export interface PlotInfo {
  /** `data-plot` of the `<svg>` (line, raster, ...). */
  readonly kind: string;
  /** Text of the SVG's `<title>`. */
  readonly title: string;
  /** Rendered size on the page (CSS px). */
  readonly width: number;
  readonly height: number;
  /** `data-marks`: the data marks the chart says it drew. */
  readonly marks: number;
  /** path/line/rect/circle/image elements inside the SVG that the browser laid out with a non-empty box. */
  readonly drawn: number;
}

/**
 * Runs inside the page (serialized by puppeteer, so it must use nothing from this module's
 * scope): every `svg[data-plot]` with its size and drawn elements, and the number of sections.
 */
export function surveyPage(): { plots: PlotInfo[]; sections: number } {
  const plots = Array.from(document.querySelectorAll<SVGSVGElement>('svg[data-plot]')).map((svg) => {
    const box = svg.getBoundingClientRect();
    let drawn = 0;
    for (const el of Array.from(svg.querySelectorAll<SVGGraphicsElement>('path, line, rect, circle, image'))) {
      const b = el.getBBox();
      if (b.width > 0 || b.height > 0) drawn++;
    }
    return {
      kind: svg.getAttribute('data-plot') ?? '',
      title: svg.querySelector('title')?.textContent ?? '',
      width: box.width,
      height: box.height,
      marks: Number(svg.getAttribute('data-marks')),
      drawn,
    };
  });
  return { plots, sections: document.querySelectorAll('section').length };
}
