#!/usr/bin/env python3
"""Turns `tmux capture-pane -e -p` output (text with SGR colour codes) into an ImageMagick MVG drawing:
a background rectangle and a text run per stretch of equal attributes, on a fixed cell grid.

    ansi_to_mvg.py capture.txt COLUMNS ROWS > screen.mvg
    convert mvg:screen.mvg screen.png

Standard library only; the font is DejaVu Sans Mono (Debian's fonts-dejavu-core)."""
import re
import sys
import unicodedata

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"
SIZE = 16
CELL_W = SIZE * 1233 / 2048  # DejaVu Sans Mono's advance width
CELL_H = 20
ASCENT = 15
DEFAULT_FG = "#d4d4d4"
DEFAULT_BG = "#1e1e1e"
BASE16 = ["#000000", "#cd3131", "#0dbc79", "#e5e510", "#2472c8", "#bc3fbc", "#11a8cd", "#e5e5e5",
          "#666666", "#f14c4c", "#23d18b", "#f5f543", "#3b8eea", "#d670d6", "#29b8db", "#ffffff"]


def xterm256(n):
    if n < 16:
        return BASE16[n]
    if n < 232:
        n -= 16
        levels = [0, 95, 135, 175, 215, 255]
        return "#%02x%02x%02x" % (levels[n // 36], levels[(n // 6) % 6], levels[n % 6])
    grey = 8 + (n - 232) * 10
    return "#%02x%02x%02x" % (grey, grey, grey)


def apply(codes, state):
    codes = codes or [0]
    i = 0
    while i < len(codes):
        c = codes[i]
        if c == 0:
            state.update(fg=None, bg=None, bold=False, reverse=False)
        elif c == 1:
            state["bold"] = True
        elif c == 22:
            state["bold"] = False
        elif c == 7:
            state["reverse"] = True
        elif c == 27:
            state["reverse"] = False
        elif 30 <= c <= 37 or 90 <= c <= 97:
            state["fg"] = BASE16[c - 30 if c < 90 else c - 90 + 8]
        elif 40 <= c <= 47 or 100 <= c <= 107:
            state["bg"] = BASE16[c - 40 if c < 100 else c - 100 + 8]
        elif c == 39:
            state["fg"] = None
        elif c == 49:
            state["bg"] = None
        elif c in (38, 48) and i + 1 < len(codes):
            key = "fg" if c == 38 else "bg"
            if codes[i + 1] == 5 and i + 2 < len(codes):
                state[key] = xterm256(codes[i + 2])
                i += 2
            elif codes[i + 1] == 2 and i + 4 < len(codes):
                state[key] = "#%02x%02x%02x" % tuple(codes[i + 2:i + 5])
                i += 4
        i += 1


def cells(line, state):
    """The line's characters as (text, fg, bg, bold) per cell; wide characters take two columns."""
    out = []
    for token in re.split(r"(\x1b\[[0-9;]*m)", line):
        if token.startswith("\x1b["):
            apply([int(x) for x in token[2:-1].split(";") if x != ""], state)
            continue
        for ch in token:
            fg, bg = state["fg"] or DEFAULT_FG, state["bg"] or DEFAULT_BG
            if state["reverse"]:
                fg, bg = bg, fg
            out.append((ch, fg, bg, state["bold"]))
            if unicodedata.east_asian_width(ch) in ("W", "F"):
                out.append(("", fg, bg, state["bold"]))
    return out


def escape(text):
    return text.replace("\\", "\\\\").replace("'", "\\'")


def main():
    path, columns, rows = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    with open(path, encoding="utf-8", errors="replace") as handle:
        lines = handle.read().split("\n")[:rows]
    state = dict(fg=None, bg=None, bold=False, reverse=False)
    width, height = round(columns * CELL_W), rows * CELL_H
    print("viewbox 0 0 %d %d" % (width, height))
    print("fill '%s' rectangle 0,0 %d,%d" % (DEFAULT_BG, width, height))
    print("font '%s'\nfont-size %d\ntext-antialias 1" % (FONT, SIZE))
    for row, line in enumerate(lines):
        grid = cells(line, state)
        grid += [(" ", DEFAULT_FG, DEFAULT_BG, False)] * max(0, columns - len(grid))
        top = row * CELL_H
        col = 0
        while col < len(grid):
            end = col
            while end < len(grid) and grid[end][1:] == grid[col][1:]:
                end += 1
            _, fg, bg, bold = grid[col]
            if bg != DEFAULT_BG:
                print("fill '%s' rectangle %.1f,%d %.1f,%d" % (bg, col * CELL_W, top, end * CELL_W, top + CELL_H - 1))
            # One text primitive per cell keeps every glyph on the grid whatever the font's advances.
            for index in range(col, end):
                ch = grid[index][0]
                if ch.strip():
                    print("fill '%s' text %.1f,%d '%s'" % (fg, index * CELL_W, top + ASCENT, escape(ch)))
                    if bold:
                        print("fill '%s' text %.1f,%d '%s'" % (fg, index * CELL_W + 0.6, top + ASCENT, escape(ch)))
            col = end


if __name__ == "__main__":
    main()
