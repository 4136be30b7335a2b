package org.hazardstream.core.report;

import java.util.ArrayList;
import java.util.List;

/** Fixed-width text columns: the first (and any marked) left-aligned, the others right-aligned, one space apart. */
final class Columns {

    private final List<String[]> lines = new ArrayList<>();
    private final java.util.Set<Integer> leftAligned = new java.util.HashSet<>(List.of(0));

    /** Left-aligns a column (e.g. significance stars, as R prints them). */
    Columns leftAlign(int column) {
        leftAligned.add(column);
        return this;
    }

    Columns add(String... cells) {
        lines.add(cells);
        return this;
    }

    String render() {
        int count = lines.stream().mapToInt(l -> l.length).max().orElse(0);
        int[] widths = new int[count];
        for (String[] line : lines) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] line : lines) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < line.length; i++) {
                if (i > 0) {
                    text.append(' ');
                }
                String pad = " ".repeat(widths[i] - line[i].length());
                text.append(leftAligned.contains(i) ? line[i] + pad : pad + line[i]);
            }
            out.append(text.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }
}
