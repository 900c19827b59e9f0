package org.govshare.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Cockpit and Tasklist draw each process from its diagram interchange (DI). A process owner can only read the
 * diagram if nothing is drawn on top of something else, so for every {@code processes/*.bpmn}:
 * <ol>
 * <li>no label lies on a shape other than its own element's (an expanded subprocess contains its children, so a
 * label wholly inside it does not count as lying on it);</li>
 * <li>no two labels lie on each other;</li>
 * <li>no sequence-flow segment crosses the interior of a task or subprocess that is neither its source nor its
 * target (the rectangle is shrunk by 1 px, so running along its border is fine; a boundary event's flow may leave
 * through its host's border; a flow inside a subprocess may cross the subprocess).</li>
 * </ol>
 * A named event, gateway or sequence flow without {@code bpmndi:BPMNLabel} bounds is still labelled by Cockpit
 * (bpmn-js): 90 x 20 px below the element, or 15 px beside the middle of the flow. The test checks that default
 * box, so a missing label cannot hide an overlap.
 */
class DiagramLayoutTest {

    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI";
    static final String DC = "http://www.omg.org/spec/DD/20100524/DC";
    static final String DI = "http://www.omg.org/spec/DD/20100524/DI";

    record Box(double x, double y, double w, double h) {
        boolean overlaps(Box o) {
            return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h;
        }

        boolean contains(Box o) {
            return o.x >= x && o.y >= y && o.x + o.w <= x + w && o.y + o.h <= y + h;
        }

        Box shrink(double d) {
            return new Box(x + d, y + d, w - 2 * d, h - 2 * d);
        }

        @Override
        public String toString() {
            return "[x=%s y=%s w=%s h=%s]".formatted(n(x), n(y), n(w), n(h));
        }

        static String n(double v) {
            return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
        }
    }

    record Label(String element, Box box, boolean explicit) {
        @Override
        public String toString() {
            return "label of " + element + " " + box + (explicit ? "" : " (Cockpit default, no BPMNLabel)");
        }
    }

    record Pt(double x, double y) {}

    @TestFactory
    Stream<DynamicTest> everyDiagramIsReadable() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("processes"))) {
            files = s.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
        }
        assertTrue(!files.isEmpty(), "no processes/*.bpmn found");
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            List<String> problems = check(f);
            assertTrue(problems.isEmpty(), () -> f + " is not readable:\n  " + String.join("\n  ", problems));
        }));
    }

    @Test
    void theGeometryTellsCrossingFromTouching() {
        Box task = new Box(100, 100, 100, 80);
        assertTrue(crosses(new Pt(50, 140), new Pt(250, 140), task.shrink(1)), "straight through");
        assertFalse(crosses(new Pt(50, 100), new Pt(250, 100), task.shrink(1)), "along the top border");
        assertFalse(crosses(new Pt(200, 50), new Pt(200, 250), task.shrink(1)), "along the right border");
        assertFalse(crosses(new Pt(50, 90), new Pt(250, 90), task.shrink(1)), "above");
        assertTrue(crosses(new Pt(150, 50), new Pt(150, 140), task.shrink(1)), "ending inside");
        assertTrue(new Box(0, 0, 10, 10).overlaps(new Box(9, 9, 10, 10)), "overlapping corners");
        assertFalse(new Box(0, 0, 10, 10).overlaps(new Box(10, 0, 10, 10)), "touching sides");
        assertTrue(new Box(0, 0, 100, 100).contains(new Box(10, 10, 20, 20)), "containment");
        assertEquals(new Box(20.5, 195, 90, 20), defaultFlowLabel(List.of(new Pt(0, 220), new Pt(131, 220))),
                "bpmn-js puts a horizontal flow's label 15 px above its middle");
    }

    static List<String> check(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(file.toFile());

        // semantic model: element by id, parent (container) by id
        Map<String, Element> semantic = new HashMap<>();
        Map<String, String> parent = new HashMap<>();
        NodeList all = doc.getElementsByTagNameNS(BPMN, "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.hasAttribute("id")) {
                semantic.put(e.getAttribute("id"), e);
                Node p = e.getParentNode();
                if (p instanceof Element pe && pe.hasAttribute("id")) {
                    parent.put(e.getAttribute("id"), pe.getAttribute("id"));
                }
            }
        }

        Map<String, Box> shapes = new HashMap<>();
        List<Label> labels = new ArrayList<>();
        NodeList shapeNodes = doc.getElementsByTagNameNS(BPMNDI, "BPMNShape");
        for (int i = 0; i < shapeNodes.getLength(); i++) {
            Element s = (Element) shapeNodes.item(i);
            String id = s.getAttribute("bpmnElement");
            Box box = bounds(s);
            if (box == null) {
                continue;
            }
            shapes.put(id, box);
            Box label = labelBounds(s);
            Element sem = semantic.get(id);
            if (label != null) {
                labels.add(new Label(id, label, true));
            } else if (sem != null && hasExternalLabel(sem)) {
                labels.add(new Label(id, new Box(box.x + box.w / 2 - 45, box.y + box.h, 90, 20), false));
            }
        }

        Map<String, List<Pt>> edges = new HashMap<>();
        NodeList edgeNodes = doc.getElementsByTagNameNS(BPMNDI, "BPMNEdge");
        for (int i = 0; i < edgeNodes.getLength(); i++) {
            Element e = (Element) edgeNodes.item(i);
            String id = e.getAttribute("bpmnElement");
            List<Pt> points = new ArrayList<>();
            NodeList wps = e.getElementsByTagNameNS(DI, "waypoint");
            for (int j = 0; j < wps.getLength(); j++) {
                Element w = (Element) wps.item(j);
                points.add(new Pt(Double.parseDouble(w.getAttribute("x")), Double.parseDouble(w.getAttribute("y"))));
            }
            edges.put(id, points);
            Box label = labelBounds(e);
            Element sem = semantic.get(id);
            if (label != null) {
                labels.add(new Label(id, label, true));
            } else if (sem != null && hasExternalLabel(sem) && points.size() >= 2) {
                labels.add(new Label(id, defaultFlowLabel(points), false));
            }
        }

        List<String> problems = new ArrayList<>();

        // 1. a label on a shape other than its own element's
        for (Label label : labels) {
            for (Map.Entry<String, Box> shape : shapes.entrySet()) {
                String other = shape.getKey();
                if (other.equals(label.element) || !label.box.overlaps(shape.getValue())) {
                    continue;
                }
                if (isContainer(semantic.get(other)) && shape.getValue().contains(label.box)) {
                    continue;
                }
                problems.add(label + " lies on shape " + other + " " + shape.getValue());
            }
        }

        // 2. two labels on each other
        for (int i = 0; i < labels.size(); i++) {
            for (int j = i + 1; j < labels.size(); j++) {
                if (labels.get(i).box.overlaps(labels.get(j).box)) {
                    problems.add(labels.get(i) + " lies on " + labels.get(j));
                }
            }
        }

        // 3. a sequence flow through a task or subprocess that is neither its source nor its target
        for (Map.Entry<String, List<Pt>> edge : edges.entrySet()) {
            Element flow = semantic.get(edge.getKey());
            if (flow == null || !"sequenceFlow".equals(flow.getLocalName())) {
                continue;
            }
            Set<String> exempt = new HashSet<>();
            for (String end : List.of(flow.getAttribute("sourceRef"), flow.getAttribute("targetRef"))) {
                exempt.add(end);
                Element endElement = semantic.get(end);
                if (endElement != null && "boundaryEvent".equals(endElement.getLocalName())) {
                    exempt.add(endElement.getAttribute("attachedToRef"));
                }
                for (String p = parent.get(end); p != null; p = parent.get(p)) {
                    exempt.add(p);
                }
            }
            List<Pt> pts = edge.getValue();
            for (Map.Entry<String, Box> shape : shapes.entrySet()) {
                Element sem = semantic.get(shape.getKey());
                if (sem == null || !isActivity(sem) || exempt.contains(shape.getKey())) {
                    continue;
                }
                Box inner = shape.getValue().shrink(1);
                for (int k = 0; k + 1 < pts.size(); k++) {
                    if (crosses(pts.get(k), pts.get(k + 1), inner)) {
                        problems.add("sequence flow " + edge.getKey() + " segment (" + Box.n(pts.get(k).x) + ","
                                + Box.n(pts.get(k).y) + ")-(" + Box.n(pts.get(k + 1).x) + "," + Box.n(pts.get(k + 1).y)
                                + ") crosses " + shape.getKey() + " " + shape.getValue());
                    }
                }
            }
        }
        return problems;
    }

    static Box bounds(Element diElement) {
        for (Node c = diElement.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && DC.equals(e.getNamespaceURI()) && "Bounds".equals(e.getLocalName())) {
                return box(e);
            }
        }
        return null;
    }

    static Box labelBounds(Element diElement) {
        for (Node c = diElement.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && BPMNDI.equals(e.getNamespaceURI()) && "BPMNLabel".equals(e.getLocalName())) {
                return bounds(e);
            }
        }
        return null;
    }

    static Box box(Element b) {
        return new Box(Double.parseDouble(b.getAttribute("x")), Double.parseDouble(b.getAttribute("y")),
                Double.parseDouble(b.getAttribute("width")), Double.parseDouble(b.getAttribute("height")));
    }

    /** bpmn-js draws the name of these outside the shape; {@code getFlowLabelPosition} for flows. */
    static boolean hasExternalLabel(Element e) {
        String n = e.getLocalName();
        boolean external = n.endsWith("Event") || n.endsWith("Gateway") || n.equals("sequenceFlow")
                || n.equals("messageFlow") || n.equals("dataObjectReference") || n.equals("dataStoreReference");
        return external && !e.getAttribute("name").isBlank();
    }

    static Box defaultFlowLabel(List<Pt> pts) {
        double mid = pts.size() / 2.0 - 1;
        Pt first = pts.get((int) Math.floor(mid));
        Pt second = pts.get((int) Math.ceil(mid + 0.01));
        double x = first.x + (second.x - first.x) / 2;
        double y = first.y + (second.y - first.y) / 2;
        double angle = Math.atan((second.y - first.y) / (second.x - first.x));
        if (Math.abs(angle) < Math.PI / 2) {
            y -= 15;
        } else {
            x += 15;
        }
        return new Box(x - 45, y - 10, 90, 20);
    }

    static boolean isContainer(Element e) {
        if (e == null) {
            return false;
        }
        String n = e.getLocalName();
        return n.equals("subProcess") || n.equals("transaction") || n.equals("adHocSubProcess")
                || n.equals("participant") || n.equals("lane");
    }

    static boolean isActivity(Element e) {
        String n = e.getLocalName();
        return n.endsWith("Task") || n.equals("task") || n.equals("callActivity") || n.equals("subProcess")
                || n.equals("transaction") || n.equals("adHocSubProcess");
    }

    /** Liang-Barsky: does the segment a-b have a part of positive length inside the open rectangle? */
    static boolean crosses(Pt a, Pt b, Box r) {
        if (r.w <= 0 || r.h <= 0) {
            return false;
        }
        double dx = b.x - a.x, dy = b.y - a.y;
        double t0 = 0, t1 = 1;
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {a.x - r.x, r.x + r.w - a.x, a.y - r.y, r.y + r.h - a.y};
        for (int i = 0; i < 4; i++) {
            if (p[i] == 0) {
                if (q[i] <= 0) {
                    return false;
                }
            } else {
                double t = q[i] / p[i];
                if (p[i] < 0) {
                    t0 = Math.max(t0, t);
                } else {
                    t1 = Math.min(t1, t);
                }
            }
        }
        return t1 - t0 > 1e-9;
    }
}
