package io.sio4j.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;

/**
 * Draws a PNG of echo throughput and p99 latency against the number of clients, one line per server
 * (median of the repetitions at each client count), from sioload's raw JSON lines.
 *
 * <pre>
 * java -cp bench/target/sio4j-bench.jar io.sio4j.bench.PlotResults results.jsonl out.png
 * </pre>
 */
public final class PlotResults {
  private static final int W = 1000;
  private static final int H = 420;
  private static final Color[] COLORS = {
    new Color(0x1f77b4),
    new Color(0xd62728),
    new Color(0x2ca02c),
    new Color(0x9467bd),
    new Color(0xff7f0e),
    new Color(0x8c564b)
  };

  private PlotResults() {}

  /** Entry point: input JSON lines, output PNG. */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: PlotResults RESULTS.jsonl OUT.png");
      System.exit(2);
    }
    // server -> clients -> values, for the echo scenario
    Map<String, TreeMap<Integer, List<Double>>> rate = new TreeMap<>();
    Map<String, TreeMap<Integer, List<Double>>> p99 = new TreeMap<>();
    ObjectMapper mapper = new ObjectMapper();
    try (BufferedReader in = Files.newBufferedReader(Path.of(args[0]))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isBlank()) continue;
        JsonNode r = mapper.readTree(line);
        if (!"echo".equals(r.path("scenario").asText()) || !r.path("ok").asBoolean()) continue;
        String server = r.path("server").asText(r.path("label").asText());
        int clients = r.path("clients").asInt();
        add(rate, server, clients, r.path("msgs_per_s").asDouble());
        add(p99, server, clients, r.path("p99_us").asDouble() / 1000.0);
      }
    }
    BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, W, H);
    panel(g, rate, 0, "echo: messages/s (median)");
    panel(g, p99, W / 2, "echo: p99 latency, ms (median)");
    g.dispose();
    ImageIO.write(img, "png", Path.of(args[1]).toFile());
  }

  private static void add(
      Map<String, TreeMap<Integer, List<Double>>> m, String server, int clients, double v) {
    m.computeIfAbsent(server, k -> new TreeMap<>())
        .computeIfAbsent(clients, k -> new ArrayList<>())
        .add(v);
  }

  private static double median(List<Double> v) {
    List<Double> s = new ArrayList<>(v);
    s.sort(Double::compare);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  /** One panel: x = clients (log scale), y = the median value, linear from 0. */
  private static void panel(
      Graphics2D g, Map<String, TreeMap<Integer, List<Double>>> data, int x0, String title) {
    int left = x0 + 70;
    int right = x0 + W / 2 - 20;
    int top = 40;
    int bottom = H - 60;
    double minX = Double.MAX_VALUE;
    double maxX = 0;
    double maxY = 0;
    for (TreeMap<Integer, List<Double>> series : data.values()) {
      for (Map.Entry<Integer, List<Double>> e : series.entrySet()) {
        minX = Math.min(minX, e.getKey());
        maxX = Math.max(maxX, e.getKey());
        maxY = Math.max(maxY, median(e.getValue()));
      }
    }
    if (maxY == 0) return;
    double lx0 = Math.log10(minX);
    double lx1 = Math.max(Math.log10(maxX), lx0 + 1);
    g.setStroke(new BasicStroke(1f));
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    g.drawString(title, left, 25);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    g.drawLine(left, bottom, right, bottom);
    g.drawLine(left, top, left, bottom);
    for (int i = 0; i <= 4; i++) {
      int y = bottom - (bottom - top) * i / 4;
      g.drawString(String.format("%,.0f", maxY * i / 4), x0 + 5, y + 4);
    }
    for (double c = Math.pow(10, Math.floor(lx0)); c <= maxX * 1.001; c *= 10) {
      int x = (int) (left + (right - left) * (Math.log10(c) - lx0) / (lx1 - lx0));
      if (x >= left) g.drawString(String.format("%,.0f", c), x - 10, bottom + 15);
    }
    g.drawString("clients (log scale)", (left + right) / 2 - 40, bottom + 32);
    int i = 0;
    g.setStroke(new BasicStroke(2f));
    for (Map.Entry<String, TreeMap<Integer, List<Double>>> s : data.entrySet()) {
      g.setColor(COLORS[i % COLORS.length]);
      int px = -1;
      int py = -1;
      for (Map.Entry<Integer, List<Double>> e : s.getValue().entrySet()) {
        int x = (int) (left + (right - left) * (Math.log10(e.getKey()) - lx0) / (lx1 - lx0));
        int y = (int) (bottom - (bottom - top) * median(e.getValue()) / maxY);
        g.fillOval(x - 4, y - 4, 8, 8);
        if (px >= 0) g.drawLine(px, py, x, y);
        px = x;
        py = y;
      }
      g.drawString(s.getKey(), right - 130, top + 15 * (i + 1));
      i++;
    }
  }
}
