package io.sio4j.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;

/**
 * Draws a PNG of echo throughput and p99 latency against the number of clients, one line per
 * server, from sioload's raw JSON lines (the {@code echo} runs with {@code "ok":true}; each point
 * is the median of the runs with that server, client count and window).
 *
 * <p>Runs with one message in flight per client (window 1) make each server's line; runs with a
 * larger window are drawn as open markers of the server's colour, joined by a dashed line when
 * there are several client counts. All axes are logarithmic: a window-8 run's throughput is many
 * times a window-1 run's, p99 spans milliseconds to seconds; clients are ticked at the counts
 * measured.
 *
 * <pre>
 * java -cp bench/target/sio4j-bench.jar io.sio4j.bench.PlotResults table.jsonl [sweep.jsonl ...] out.png
 * </pre>
 */
public final class PlotResults {
  private static final int PANEL_W = 600;
  private static final int H = 470;
  private static final Color[] COLORS = {
    new Color(0x1f77b4),
    new Color(0xd62728),
    new Color(0x2ca02c),
    new Color(0x9467bd),
    new Color(0xff7f0e),
    new Color(0x8c564b)
  };
  private static final Color GRID = new Color(0xdddddd);

  /** The runs of one server at one window: clients -> the runs' values. */
  private record Series(String server, int window, TreeMap<Integer, List<double[]>> points) {}

  private PlotResults() {}

  /** Entry point: input JSON lines files, then the output PNG. */
  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: PlotResults RESULTS.jsonl [MORE.jsonl ...] OUT.png");
      System.exit(2);
    }
    Map<String, Series> series = new LinkedHashMap<>();
    ObjectMapper mapper = new ObjectMapper();
    for (int i = 0; i < args.length - 1; i++) {
      Path in = Path.of(args[i]);
      if (!Files.exists(in)) continue;
      try (BufferedReader r = Files.newBufferedReader(in)) {
        String line;
        while ((line = r.readLine()) != null) {
          if (line.isBlank()) continue;
          JsonNode n = mapper.readTree(line);
          if (!"echo".equals(n.path("scenario").asText()) || !n.path("ok").asBoolean()) continue;
          String server = n.path("server").asText(n.path("label").asText());
          int window = n.path("window").asInt(1);
          series
              .computeIfAbsent(
                  server + "\u0000" + window, k -> new Series(server, window, new TreeMap<>()))
              .points()
              .computeIfAbsent(n.path("clients").asInt(), k -> new ArrayList<>())
              .add(new double[] {n.path("msgs_per_s").asDouble(), n.path("p99_us").asDouble()});
        }
      }
    }
    List<String> servers = new ArrayList<>();
    for (Series s : series.values()) if (!servers.contains(s.server())) servers.add(s.server());
    BufferedImage img = new BufferedImage(2 * PANEL_W, H, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 2 * PANEL_W, H);
    List<Series> all = new ArrayList<>(series.values());
    panel(g, all, servers, 0, "echo throughput, messages/s (log scale)", v -> v[0]);
    panel(g, all, servers, PANEL_W, "echo p99 latency, ms (log scale)", v -> v[1] / 1000);
    legend(g, servers, all);
    g.dispose();
    ImageIO.write(img, "png", Path.of(args[args.length - 1]).toFile());
  }

  private static double median(List<double[]> runs, ToDoubleFunction<double[]> f) {
    double[] v = runs.stream().mapToDouble(f).sorted().toArray();
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  /** One panel: x = clients, y = the median value, both on log axes. */
  private static void panel(
      Graphics2D g,
      List<Series> all,
      List<String> servers,
      int x0,
      String title,
      ToDoubleFunction<double[]> f) {
    int left = x0 + 80;
    int right = x0 + PANEL_W - 45;
    int top = 45;
    int bottom = H - 110;
    TreeSet<Integer> xs = new TreeSet<>();
    double minY = Double.MAX_VALUE;
    double maxY = 0;
    for (Series s : all) {
      for (Map.Entry<Integer, List<double[]>> e : s.points().entrySet()) {
        xs.add(e.getKey());
        double y = median(e.getValue(), f);
        if (y > 0) minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
      }
    }
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
    g.drawString(title, left, 28);
    if (xs.isEmpty() || maxY <= 0) return;
    double lx0 = Math.log10(xs.first());
    double lx1 = Math.max(Math.log10(xs.last()), lx0 + 1);
    // y: from the decade below the least value to the one above the greatest
    double y0 = Math.floor(Math.log10(minY));
    double y1 = Math.max(Math.ceil(Math.log10(maxY * 1.0001)), y0 + 1);
    final double fy0 = y0;
    final double fy1 = y1;
    ToDoubleFunction<Double> ty =
        v -> bottom - (bottom - top) * (Math.log10(Math.max(v, 1e-9)) - fy0) / (fy1 - fy0);
    ToDoubleFunction<Integer> tx = c -> left + (right - left) * (Math.log10(c) - lx0) / (lx1 - lx0);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    g.setStroke(new BasicStroke(1f));
    List<Double> ticks = new ArrayList<>();
    double[] steps = y1 - y0 <= 3 ? new double[] {1, 2, 5} : new double[] {1};
    for (double d = y0; d <= y1; d++) {
      for (double m : steps) if (d + Math.log10(m) <= y1 + 1e-9) ticks.add(m * Math.pow(10, d));
    }
    for (double v : ticks) {
      int y = (int) ty.applyAsDouble(v);
      g.setColor(GRID);
      g.drawLine(left, y, right, y);
      g.setColor(Color.BLACK);
      String label = v >= 1 ? String.format("%,.0f", v) : String.format("%s", (float) v);
      g.drawString(label, left - 8 - g.getFontMetrics().stringWidth(label), y + 4);
    }
    for (int c : xs) {
      int x = (int) tx.applyAsDouble(c);
      g.setColor(GRID);
      g.drawLine(x, top, x, bottom);
      g.setColor(Color.BLACK);
      String label = String.format("%,d", c);
      g.drawString(label, x - g.getFontMetrics().stringWidth(label) / 2, bottom + 16);
    }
    g.drawLine(left, bottom, right, bottom);
    g.drawLine(left, top, left, bottom);
    g.drawString("clients (log scale)", (left + right) / 2 - 50, bottom + 34);
    Stroke solid = new BasicStroke(2.5f);
    Stroke dashed =
        new BasicStroke(
            1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {6, 4}, 0);
    for (Series s : all) {
      Color color = COLORS[servers.indexOf(s.server()) % COLORS.length];
      boolean open = s.window() > 1;
      int px = -1;
      int py = -1;
      for (Map.Entry<Integer, List<double[]>> e : s.points().entrySet()) {
        int x = (int) tx.applyAsDouble(e.getKey());
        int y = (int) ty.applyAsDouble(median(e.getValue(), f));
        g.setColor(color);
        if (px >= 0) {
          g.setStroke(open ? dashed : solid);
          g.drawLine(px, py, x, y);
        }
        g.setStroke(new BasicStroke(2f));
        if (open) {
          g.setColor(Color.WHITE);
          g.fillRect(x - 5, y - 5, 10, 10);
          g.setColor(color);
          g.drawRect(x - 5, y - 5, 10, 10);
        } else {
          g.fillOval(x - 4, y - 4, 9, 9);
        }
        px = x;
        py = y;
      }
    }
  }

  /** Under both panels: a colour per server, then what the marker shapes mean. */
  private static void legend(Graphics2D g, List<String> servers, List<Series> all) {
    int y = H - 42;
    int x = 80;
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    for (int i = 0; i < servers.size(); i++) {
      g.setColor(COLORS[i % COLORS.length]);
      g.setStroke(new BasicStroke(2.5f));
      g.drawLine(x, y - 4, x + 24, y - 4);
      g.fillOval(x + 8, y - 8, 9, 9);
      g.setColor(Color.BLACK);
      g.drawString(servers.get(i), x + 30, y);
      x += 45 + g.getFontMetrics().stringWidth(servers.get(i));
    }
    TreeSet<Integer> windows = new TreeSet<>();
    for (Series s : all) if (s.window() > 1) windows.add(s.window());
    String note =
        "median of the runs at each point; filled circles: 1 message in flight per client";
    if (!windows.isEmpty())
      note += "; open squares: window " + windows.toString().replaceAll("[\\[\\]]", "");
    g.setColor(Color.DARK_GRAY);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    g.drawString(note, 80, y + 24);
  }
}
