package io.sio4j.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Draws {@code scripts/soak.sh}'s CSV as a PNG (no Python or gnuplot needed) and prints its
 * summary: the heap after full GC past the warm-up (first fifth of the run, at least one sample),
 * its spread as a share of its mean, the last lost-ack count and the LEAK reports.
 *
 * <pre>java -cp sio4j-bench.jar io.sio4j.bench.SoakPlot soak.csv soak.png</pre>
 */
public final class SoakPlot {
  private static final int W = 900;
  private static final int PANEL = 260;
  private static final int LEFT = 80;
  private static final int RIGHT = 50;
  private static final int TOP = 40;

  private SoakPlot() {}

  /** Entry point: {@code CSV PNG}. */
  public static void main(String[] args) throws IOException {
    List<String> lines = Files.readAllLines(Path.of(args[0]));
    String[] header = lines.get(0).split(",");
    List<double[]> rows = new ArrayList<>();
    for (String l : lines.subList(1, lines.size())) {
      String[] f = l.split(",", -1);
      double[] r = new double[header.length];
      for (int i = 0; i < header.length && i < f.length; i++) {
        r[i] = f[i].isEmpty() ? Double.NaN : Double.parseDouble(f[i]);
      }
      rows.add(r);
    }
    if (rows.isEmpty()) throw new IllegalArgumentException("no samples in " + args[0]);
    int t = col(header, "t_s");
    int heap = col(header, "heap_after_full_gc_kb");
    int rss = col(header, "rss_kb");
    int conn = col(header, "connected");
    int fds = col(header, "open_files");
    int lost = col(header, "ack_lost");
    int leaks = col(header, "leak_reports");
    int acks = col(header, "ack_ok");

    // the last row may hold only the client's final counters (its heap, RSS and files empty)
    List<double[]> sampled = rows.stream().filter(r -> !Double.isNaN(r[heap])).toList();
    int warm = Math.max(1, sampled.size() / 5);
    List<double[]> steady = sampled.size() > warm ? sampled.subList(warm, sampled.size()) : sampled;
    double min = Double.MAX_VALUE;
    double max = 0;
    double sum = 0;
    for (double[] r : steady) {
      min = Math.min(min, r[heap]);
      max = Math.max(max, r[heap]);
      sum += r[heap];
    }
    double mean = sum / steady.size();
    // drift: the mean of the second half of the steady samples against the first half's
    int half = steady.size() / 2;
    double firstHalf = 0;
    double secondHalf = 0;
    for (int i = 0; i < steady.size(); i++) {
      if (i < half) firstHalf += steady.get(i)[heap];
      else secondHalf += steady.get(i)[heap];
    }
    double drift =
        half == 0
            ? 0
            : 100 * (secondHalf / (steady.size() - half) - firstHalf / half) / (firstHalf / half);
    double[] last = rows.get(rows.size() - 1);
    double[] lastSampled = sampled.get(sampled.size() - 1);
    String summary =
        String.format(
            Locale.ROOT,
            "samples=%d duration_s=%.0f heap_after_full_gc_mb after warm-up (from %.0f s): min=%.1f"
                + " max=%.1f"
                + " mean=%.1f spread=%.1f%% drift(2nd half vs 1st)=%+.1f%% | rss_mb last=%.0f | open_files last=%.0f"
                + " | acks answered=%.0f lost=%.0f | leak reports=%.0f",
            rows.size(),
            last[t],
            steady.get(0)[t],
            min / 1024,
            max / 1024,
            mean / 1024,
            100 * (max - min) / mean,
            drift,
            lastSampled[rss] / 1024,
            lastSampled[fds],
            last[acks],
            last[lost],
            last[leaks]);
    System.out.println("SUMMARY " + summary);

    BufferedImage img = new BufferedImage(W, TOP + 3 * PANEL + 90, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, img.getWidth(), img.getHeight());
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    g.drawString("sio4j soak: " + Path.of(args[0]).getFileName(), LEFT, 22);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    panel(
        g,
        rows,
        t,
        TOP,
        "MiB",
        new int[] {heap},
        new String[] {"heap after full GC"},
        new Color[] {Color.BLUE},
        1024);
    panel(
        g,
        rows,
        t,
        TOP + PANEL + 30,
        "MiB",
        new int[] {rss},
        new String[] {"RSS"},
        new Color[] {Color.RED},
        1024);
    panel(
        g,
        rows,
        t,
        TOP + 2 * PANEL + 60,
        "count",
        new int[] {conn, lost, leaks},
        new String[] {"connected clients", "lost acks", "LEAK reports"},
        new Color[] {new Color(0, 128, 0), Color.RED, Color.MAGENTA},
        1);
    g.dispose();
    ImageIO.write(img, "png", new File(args[1]));
    System.out.println("wrote " + args[1]);
  }

  private static int col(String[] header, String name) {
    for (int i = 0; i < header.length; i++) if (header[i].equals(name)) return i;
    throw new IllegalArgumentException("no column " + name);
  }

  private static void panel(
      Graphics2D g,
      List<double[]> rows,
      int t,
      int top,
      String unit,
      int[] cols,
      String[] names,
      Color[] colors,
      double div) {
    int h = PANEL - 40;
    int w = W - LEFT - RIGHT;
    double tMax = Math.max(1, rows.get(rows.size() - 1)[t]);
    double yMax = 1;
    for (double[] r : rows)
      for (int c : cols) if (!Double.isNaN(r[c])) yMax = Math.max(yMax, r[c] / div);
    yMax *= 1.1;
    g.setColor(Color.LIGHT_GRAY);
    for (int i = 0; i <= 4; i++) {
      int y = top + h - i * h / 4;
      g.drawLine(LEFT, y, LEFT + w, y);
      g.setColor(Color.DARK_GRAY);
      g.drawString(String.format(Locale.ROOT, "%.0f", yMax * i / 4), 8, y + 4);
      g.setColor(Color.LIGHT_GRAY);
    }
    g.setColor(Color.DARK_GRAY);
    for (int i = 0; i <= 6; i++) {
      int x = LEFT + i * w / 6;
      g.drawString(String.format(Locale.ROOT, "%.1f min", tMax * i / 6 / 60), x - 14, top + h + 16);
    }
    g.drawString(unit, 8, top - 6);
    g.drawRect(LEFT, top, w, h);
    g.setStroke(new BasicStroke(2f));
    for (int k = 0; k < cols.length; k++) {
      g.setColor(colors[k]);
      int px = -1;
      int py = -1;
      for (double[] r : rows) {
        double v = r[cols[k]];
        if (Double.isNaN(v)) continue;
        int x = LEFT + (int) (w * r[t] / tMax);
        int y = top + h - (int) (h * (v / div) / yMax);
        if (px >= 0) g.drawLine(px, py, x, y);
        px = x;
        py = y;
      }
      g.drawString(names[k], LEFT + 10 + k * 170, top + 14);
    }
    g.setStroke(new BasicStroke(1f));
  }
}
