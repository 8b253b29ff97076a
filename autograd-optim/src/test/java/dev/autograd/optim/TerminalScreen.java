package dev.autograd.optim;

import java.util.ArrayList;
import java.util.List;

/**
 * What a terminal shows after receiving some text: a carriage return goes back to the line's
 * start and what follows overwrites it, a line feed starts the next line (a terminal device turns
 * {@code \n} into {@code \r\n}), {@code ESC[nA} and {@code
 * ESC[nB} move the cursor {@code n} lines up and down (as the progress bar library's interactive
 * consumer does). Any other escape sequence fails the test.
 */
final class TerminalScreen {
  private TerminalScreen() {}

  /** Returns the screen's lines after {@code text}, trailing blanks and empty last lines cut. */
  static List<String> lines(String text) {
    List<StringBuilder> lines = new ArrayList<>(List.of(new StringBuilder()));
    int row = 0;
    int column = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\u001b') {
        int end = i + 2;
        while (end < text.length() && Character.isDigit(text.charAt(end))) {
          end++;
        }
        String sequence = text.substring(i, Math.min(end + 1, text.length()));
        if (!sequence.matches("\u001b\\[\\d*[AB]")) {
          throw new AssertionError("unexpected escape sequence " + sequence.substring(1));
        }
        int n = end == i + 2 ? 1 : Integer.parseInt(text.substring(i + 2, end));
        row = Math.max(0, text.charAt(end) == 'A' ? row - n : row + n);
        i = end;
      } else if (c == '\r') {
        column = 0;
      } else if (c == '\n') {
        row++;
        column = 0;
      } else {
        StringBuilder line = lines.get(row);
        while (line.length() <= column) {
          line.append(' ');
        }
        line.setCharAt(column++, c);
      }
      while (lines.size() <= row) {
        lines.add(new StringBuilder());
      }
    }
    List<String> screen = new ArrayList<>();
    for (StringBuilder line : lines) {
      screen.add(line.toString().stripTrailing());
    }
    while (!screen.isEmpty() && screen.get(screen.size() - 1).isEmpty()) {
      screen.remove(screen.size() - 1);
    }
    return screen;
  }
}
