package org.govshare.workplace;

import java.util.List;

import org.govshare.support.Browser;

/**
 * Reads a BPMN diagram as bpmn-js has drawn it (in Cockpit or Tasklist) and names every external label (an event's,
 * a gateway's, a flow's) whose drawn text overlaps another label's text or a shape other than its own (a
 * label wholly inside a shape, such as an event's inside its subprocess, is drawn in it, not over it). The
 * diagram-bounds test checks the BPMN file's declared label bounds; this checks the text as it really renders, wrapped
 * and in the browser's font, which can be larger than what the file declares.
 */
final class DrawnDiagram {

    /** Rectangles in screen pixels, shrunk by a pixel so that touching is not overlapping. */
    private static final String SCRIPT = """
            const key = arguments[0];
            const box = (el, id) => { const r = el.getBoundingClientRect();
              return {id, x1: r.left + 1, y1: r.top + 1, x2: r.right - 1, y2: r.bottom - 1}; };
            const texts = [], shapes = [];
            document.querySelectorAll('.djs-container g.djs-element.djs-shape').forEach(g => {
              const id = g.getAttribute('data-element-id');
              if (id.endsWith('_label')) {
                const t = g.querySelector('text');
                if (t && t.textContent.trim()) texts.push(box(t, id.slice(0, -6)));
              } else if (!g.querySelector('.djs-visual > rect[rx="0"][ry="0"][style*="stroke-dasharray"]')) {
                const v = g.querySelector('.djs-visual > :first-child');
                if (v) shapes.push(box(v, id));
              }
            });
            document.querySelectorAll('.djs-container g.djs-element.djs-connection').forEach(g => {
              const t = g.querySelector('.djs-visual text');
              if (t && t.textContent.trim()) texts.push(box(t, g.getAttribute('data-element-id')));
            });
            const hit = (a, b) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
            // a label wholly inside a shape belongs to something drawn in it (an event in a subprocess)
            const inside = (a, b) => a.x1 >= b.x1 && a.x2 <= b.x2 && a.y1 >= b.y1 && a.y2 <= b.y2;
            const found = [];
            texts.forEach((a, i) => {
              texts.slice(i + 1).forEach(b => { if (hit(a, b)) found.push(key + ': label of ' + a.id + ' on label of ' + b.id); });
              shapes.forEach(s => { if (s.id !== a.id && hit(a, s) && !inside(a, s)) found.push(key + ': label of ' + a.id + ' on shape ' + s.id); });
            });
            return found;
            """;

    private DrawnDiagram() {
    }

    @SuppressWarnings("unchecked")
    static List<String> overlappingLabels(Browser browser, String processKey) {
        return (List<String>) browser.script(SCRIPT, processKey);
    }
}
