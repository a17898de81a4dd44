#!/usr/bin/env python3
# Where the CPU goes in a JFR recording: share of jdk.ExecutionSample events by thread, by category
# (a sample counts for a category when any frame of its stack matches) and by top frame.
# Usage: jfr print --json --stack-depth 96 --events jdk.ExecutionSample rec.jfr > rec.json
#        python3 benchmarks/jfr-breakdown.py rec.json [more.json ...]
import json, sys, collections, re
files = sys.argv[1:]
samples=[]
for f in files:
    d=json.load(open(f))
    samples += d['recording']['events']
n=len(samples)
def tname(e):
    t=e['values']['sampledThread']
    nm=t.get('javaName') or t.get('osName') or '?'
    return re.sub(r'\d+','N',nm)
def frames(e):
    st=e['values']['stackTrace']
    if not st: return []
    return [fr['method']['type']['name']+'.'+fr['method']['name'] for fr in st['frames']]
byt=collections.Counter(tname(e) for e in samples)
print("samples",n)
print("## by thread")
for k,v in byt.most_common(15): print(f"{v*100/n:5.1f}% {k}")
# inclusive by category
cats=[('JSON codec (Jackson parse/tree + readers/writers)', r'com\.fasterxml\.jackson|core\.codec'),
      ('WebSocket framing/Netty pipeline', r'io\.netty'),
      ('JDK WebSocket client (java.net.http)', r'jdk\.internal\.net\.http'),
      ('socket I/O syscalls', r'sun\.nio\.ch\.(SocketDispatcher|IOUtil|SocketChannelImpl\.(read|write))|EPoll'),
      ('thread hand-off (park/unpark, executor queues)', r'LockSupport|AbstractQueuedSynchronizer|ThreadPoolExecutor\.(execute|getTask)|LinkedBlockingQueue|SynchronousQueue|ForkJoinPool\.(signal|push|externalPush)|Unsafe\.(park|unpark)'),
      ('CompletableFuture plumbing', r'CompletableFuture'),
      ('SLF4J/logging', r'org\.slf4j|ch\.qos\.logback'),
      ('ButtplugServer session', r'core\.server\.'),
      ('ButtplugClient', r'core\.client\.'),
      ('remote hub/agent', r'buttplugjava\.remote\.'),
      ('DeviceManager / device', r'core\.device\.|DeviceManager'),
     ]
print("## inclusive (sample has a frame matching)")
for name,rx in cats:
    r=re.compile(rx.replace("\\.","[./]"))
    c=sum(1 for e in samples if any(r.search(f) for f in frames(e)))
    print(f"{c*100/n:5.1f}% {name}")
print("## top self frames")
selfc=collections.Counter((frames(e) or ['?'])[0] for e in samples)
for k,v in selfc.most_common(25): print(f"{v*100/n:5.1f}% {k}")
print("## codec split")
for name,rx in [('decode: tree parse (FrameReader/readTree)', r'FrameReader\.read'),('decode: field readers (Body, V4*Reader)', r'codec/internal/(Body|V4\w*Reader)'),('encode (FrameWriter, *Writer)', r'codec/internal/\w*Writer'),('remote.hub frames', r'remote/hub/'),('remote.agent frames', r'remote/agent/'),('GrantFilter', r'Grant')]:
    r=re.compile(rx)
    c=sum(1 for e in samples if any(r.search(f) for f in frames(e)))
    print(f"{c*100/n:5.1f}% {name}")
pk=collections.Counter()
for e in samples:
    fs=frames(e)
    for f in fs:
        if 'buttplugjava' in f:
            pk['/'.join(f.split('.')[0].split('/')[3:-1])]+=0
    s=set('/'.join(f.split('.')[0].split('/')[3:-1]) for f in fs if 'buttplugjava' in f)
    for p in s: pk[p]+=1
print("## inclusive by our package")
for k,v in pk.most_common(20): print(f"{v*100/n:5.1f}% {k}")
