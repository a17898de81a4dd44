#!/usr/bin/env python3
# A flame graph (self-contained SVG, no script) of a JFR recording's jdk.ExecutionSample events:
# one column per stack, the thread (digits folded) at the bottom, callers below callees, widths in
# proportion to samples. Hover a frame for its full name, samples and share.
# Usage: jfr print --json --stack-depth 128 --events jdk.ExecutionSample rec.jfr > rec.json
#        python3 benchmarks/jfr-flame.py rec.json "title" > flame.svg
#        [--thread REGEX] keeps the samples of matching threads only
import json, re, sys, html, hashlib

args = sys.argv[1:]
thread_filter = None
if '--thread' in args:
    i = args.index('--thread')
    thread_filter = re.compile(args[i + 1])
    del args[i:i + 2]
if len(args) != 2:
    sys.exit('usage: jfr-flame.py rec.json "title" [--thread REGEX] > flame.svg')
source, title = args

def thread_of(event):
    t = event['values']['sampledThread']
    return re.sub(r'\d+', 'N', t.get('javaName') or t.get('osName') or '?')

def method_name(frame):
    name = frame['method']['type']['name'].replace('/', '.') + '.' + frame['method']['name']
    # a lambda's hidden class carries an address and a number per run: one name for all of them
    return re.sub(r'\$\$Lambda\$\d+\+0x[0-9a-f]+\.\d+', '$$Lambda', name)

def frames_of(event):
    trace = event['values']['stackTrace']
    if not trace:
        return []
    # JFR lists the leaf first; a flame graph stacks from the root up
    return [method_name(f) for f in reversed(trace['frames'])]

# a tree of {name: [count, children]}
root = [0, {}]
for event in json.load(open(source))['recording']['events']:
    thread = thread_of(event)
    if thread_filter and not thread_filter.search(thread):
        continue
    node = root
    node[0] += 1
    for name in [thread] + frames_of(event):
        node = node[1].setdefault(name, [0, {}])
        node[0] += 1

total = root[0]
if total == 0:
    sys.exit('no samples')
WIDTH, ROW, FONT, CHAR = 1200.0, 16, 11, 6.6

def depth(node):
    return 1 + max((depth(c) for c in node[1].values()), default=0)

rows = depth(root) - 1
height = (rows + 2) * ROW + 30

def colour(name):
    if 'buttplugjava' in name:
        base = (230, 140, 40)
    elif 'netty' in name:
        base = (70, 130, 200)
    elif 'jackson' in name:
        base = (150, 100, 200)
    elif name.startswith(('java.', 'jdk.', 'sun.')):
        base = (80, 170, 90)
    else:
        base = (170, 170, 170)
    # a stable small variation per name, so neighbours stay apart
    v = int(hashlib.md5(name.encode()).hexdigest()[:2], 16) % 40 - 20
    return 'rgb(%d,%d,%d)' % tuple(max(0, min(255, c + v)) for c in base)

def short(name):
    parts = name.split('.')
    return '.'.join(parts[-2:]) if len(parts) >= 2 else name

out = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="monospace" font-size="%d">'
       % (WIDTH, height, FONT),
       '<rect width="100%%" height="100%%" fill="white"/><text x="%d" y="18" font-size="14" text-anchor="middle">%s'
       ' (%d samples)</text>' % (WIDTH / 2, html.escape(title), total)]

def draw(node_name, node, x, level):
    count, children = node
    w = WIDTH * count / total
    if w < 1.0:
        return
    y = height - (level + 1) * ROW - 10
    share = 100.0 * count / total
    out.append('<g><title>%s: %d samples, %.1f%%</title><rect x="%.1f" y="%d" width="%.1f" height="%d" fill="%s"'
               ' stroke="white" stroke-width="0.5"/>' % (html.escape(node_name), count, share, x, y, w, ROW - 1,
                                                        colour(node_name)))
    label = short(node_name)
    fits = int((w - 4) / CHAR)
    if fits >= 3:
        text = label if len(label) <= fits else label[:fits - 2] + '..'
        out.append('<text x="%.1f" y="%d">%s</text>' % (x + 2, y + ROW - 4, html.escape(text)))
    out.append('</g>')
    cx = x
    for child_name, child in sorted(children.items(), key=lambda kv: kv[0]):
        draw(child_name, child, cx, level + 1)
        cx += WIDTH * child[0] / total

x = 0.0
for name, child in sorted(root[1].items(), key=lambda kv: kv[0]):
    draw(name, child, x, 0)
    x += WIDTH * child[0] / total
out.append('</svg>')
print('\n'.join(out))
