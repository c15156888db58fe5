package io.campuscrm.reporting.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;

import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.renderers.AbstractRenderToImageAwareRenderer;
import net.sf.jasperreports.renderers.Graphics2DRenderable;

/**
 * The lead funnel's chart: one bar per step (entered, contacted, trial booked, trial attended, enrolled) and one for
 * the lost, each centred and as wide as its share of the leads entered, in equal rows. Shapes only: the template
 * prints the steps' names and figures beside the rows in its own fonts (Chinese included), and the PDF gets the bars
 * as vector graphics (the spreadsheet, a picture). Serializable, as the renderer's page swapping needs.
 */
final class FunnelChart extends AbstractRenderToImageAwareRenderer implements Graphics2DRenderable {

    private static final long serialVersionUID = 1L;
    private static final Color[] STEPS = {new Color(0x1F4E8C), new Color(0x2A64AD), new Color(0x3B7DC9),
        new Color(0x5596DB), new Color(0x2E8B57)};
    private static final Color LOST = new Color(0xB5474B);
    private static final Color TRACK = new Color(0xEEF1F5);

    private final long[] counts;
    private final long lost;

    /** @param counts the leads that reached each step, the first being all the leads entered */
    FunnelChart(long[] counts, long lost) {
        this.counts = counts.clone();
        this.lost = lost;
    }

    @Override
    public void render(JasperReportsContext context, Graphics2D graphics, Rectangle2D area) {
        var g = (Graphics2D) graphics.create();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            int rows = counts.length + 1;
            double rowHeight = area.getHeight() / rows;
            double barHeight = rowHeight * 0.7;
            double whole = Math.max(1, counts[0]);
            for (int i = 0; i < rows; i++) {
                long count = i < counts.length ? counts[i] : lost;
                double y = area.getY() + i * rowHeight + (rowHeight - barHeight) / 2;
                g.setColor(TRACK);
                g.fill(new Rectangle2D.Double(area.getX(), y, area.getWidth(), barHeight));
                double width = area.getWidth() * Math.min(1, count / whole);
                if (count > 0) {
                    // a bar of one lead among thousands stays visible
                    width = Math.max(width, 1.5);
                }
                g.setColor(i < counts.length ? STEPS[i % STEPS.length] : LOST);
                g.fill(new RoundRectangle2D.Double(area.getX() + (area.getWidth() - width) / 2, y, width, barHeight,
                        2, 2));
            }
        } finally {
            g.dispose();
        }
    }
}
