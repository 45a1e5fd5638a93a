#!/usr/bin/env python3
"""Writes the differential corpus: an AsyncAPI document of random JSON Schemas (one
message per schema) and payloads for each message, some valid and many not.

fixture-tests/tests/differential.rs runs every payload through the code generated from
the document, through the interpreter and through the `jsonschema` crate, which must
agree. The corpus is checked in; run this again only to change it:

    python3 tools/differential/random_schemas.py 8 100 \\
        fixture-tests/differential/random_schemas.yaml \\
        fixture-tests/differential/random_schemas.jsonl

The schemas mix every keyword the generator types or leaves to the interpreter (bounds,
patterns, formats, tuples, additional and pattern properties, required properties no
schema describes, dependencies, nullable types, enum, const, not, if/then/else, the
compositions, references to components and to schemas inside them (percent-encoded
names in the pointer), `$ref` beside other keywords), in the
shapes real documents have: tagged unions (a `const` or one-value `enum` property in
each alternative, with or without `discriminator`), inheritance through `allOf`, and
keywords of several types without `type`. Property names and enum values collide after
case conversion, are Rust keywords, start with digits or are not ASCII. Payloads are
drawn from the schema and then, one time in ten at each level, from anything; numbers
include ones no float holds (1e400, 2^63, 0.30000000000000000001), strings ones whose
length in code points is not their length in bytes, and one string or name in seven is
written with every character escaped (`"\\u0074ype"` is `type`).
"""
import json
import random
import sys
import urllib.parse


class RawNum(float):
    """A number written as given (1e400 is no float)."""

    def __new__(cls, text):
        o = float.__new__(cls, float(text))
        o.text = text
        return o


seed, NS, DOC, PAYLOADS = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
R = random.Random(seed)
NAMES=["type","self","a-b","a_b","A_B","aB","1st","","é","$ref","@id","Self","kind","value","match","x y","_","__","None","mod"]
ENUMS=["a-b","a_b","A B","","1","é","None","Self","a","type","_","-","1.5","true","null"]
def uniq(xs):
    out=[];keys=set()
    for x in xs:
        k=json.dumps(json.loads(dump(x)),sort_keys=True)
        if isinstance(x,(int,float)) and not isinstance(x,bool): k="n%r"%float(x)
        if k not in keys: keys.add(k); out.append(x)
    return out
def pick_names(k): return R.sample(NAMES,k)
def s_string(typed=True):
    s={"type":"string"} if typed else {}
    if R.random()<0.3: s["minLength"]=R.randint(0,3)
    if R.random()<0.3: s["maxLength"]=R.randint(1,5)
    if R.random()<0.2: s["pattern"]=R.choice(["^a","[0-9]","^[a-z]+$","b$","^\\p{L}+$","^(a|b)*$","\\d{2}","^[^-]"])
    if R.random()<0.15: s["enum"]=R.sample(ENUMS,R.randint(1,5))
    if R.random()<0.15: s["format"]=R.choice(["byte","date-time","email","uuid","ipv4","ipv6","uri","date","time","hostname","regex","int64","binary"])
    return s
def s_num(typed=True):
    s={"type":R.choice(["integer","number"])} if typed else {}
    if R.random()<0.3: s["minimum"]=R.choice([R.randint(-2,2),RawNum("-9223372036854775809"),RawNum("0.5")])
    if R.random()<0.3: s["maximum"]=R.choice([R.randint(3,10),RawNum("18446744073709551616"),RawNum("1e300")])
    if R.random()<0.15: s["exclusiveMinimum"]=R.randint(-2,2)
    if R.random()<0.15: s["exclusiveMaximum"]=R.choice([R.randint(3,10),RawNum("2.5")])
    if R.random()<0.15: s["multipleOf"]=R.choice([2,0.5,3,0.1,0.01,RawNum("1e-5")])
    if R.random()<0.1: s["enum"]=uniq(R.sample([0,1,2.5,-1,RawNum("1.0"),RawNum("9223372036854775808")],2))
    if R.random()<0.15 and typed: s["format"]=R.choice(["int32","int64","float","double","uint8"])
    return s
def s_array(d,typed=True):
    s={"type":"array"} if typed else {}
    r=R.random()
    if r<0.6: s["items"]=schema(d+1)
    elif r<0.75: s["items"]=[schema(d+1) for _ in range(R.randint(1,2))]
    if isinstance(s.get("items"),list) and R.random()<0.5: s["additionalItems"]=R.choice([False, schema(d+1)])
    if "items" not in s and R.random()<0.1: s["additionalItems"]=False
    if R.random()<0.3: s["minItems"]=R.randint(0,2)
    if R.random()<0.3: s["maxItems"]=R.randint(1,3)
    if R.random()<0.2: s["uniqueItems"]=R.choice([True,False])
    if R.random()<0.15: s["contains"]=R.choice([schema(d+1),False,True])
    return s
def s_object(d,typed=True):
    s={"type":"object"} if typed else {}
    props={}
    for n in pick_names(R.randint(0,4)):
        r=R.random()
        props[n]=schema(d+1) if r<0.8 else ({"$ref":"#/components/schemas/S%d"%R.randint(0,NS-1)} if r<0.9 else R.choice([True,False]))
    if props or R.random()<0.5: s["properties"]=props
    req=[n for n in props if R.random()<0.5]
    if R.random()<0.2: req.append(R.choice(NAMES))
    req=list(dict.fromkeys(req))
    if req: s["required"]=req
    r=R.random()
    if r<0.25: s["additionalProperties"]=False
    elif r<0.45: s["additionalProperties"]=schema(d+1)
    elif r<0.5: s["additionalProperties"]=True
    if R.random()<0.15: s["patternProperties"]={R.choice(["^a","_","^$","é"]):schema(d+1)}
    if R.random()<0.1: s["propertyNames"]=R.choice([{"maxLength":3},{"enum":["a","type"]},False,{"pattern":"^[a-z]"}])
    if R.random()<0.1: s["minProperties"]=R.randint(0,2)
    if R.random()<0.1: s["maxProperties"]=R.randint(1,3)
    if R.random()<0.1 and props: s["dependencies"]={R.choice(list(props)):R.choice([[R.choice(NAMES)],schema(d+1)])}
    return s
def s_tagged(d):
    tag=R.choice(["type","kind","@type","a-b"])
    alts=[]
    vals=R.sample(ENUMS,R.randint(2,4))
    for v in vals:
        o={"type":"object","properties":{tag:R.choice([{"const":v},{"type":"string","enum":[v]},{"enum":[v]},{"type":"string","const":v}])},"required":[tag]}
        if R.random()<0.3: del o["type"]
        for n in pick_names(R.randint(0,2)):
            if n!=tag: o["properties"][n]=schema(d+1)
        if R.random()<0.3: o["additionalProperties"]=False
        if R.random()<0.3: o["required"]=list(dict.fromkeys(o["required"]+[R.choice(list(o["properties"]))]))
        alts.append(o)
    s={R.choice(["oneOf","anyOf"]):alts}
    if R.random()<0.3: s["discriminator"]=tag
    if R.random()<0.3: s["type"]="object"
    return s
def s_inherit(d):
    base=s_object(d+1)
    ext=s_object(d+1)
    s={"allOf":[R.choice([base,{"$ref":"#/components/schemas/S%d"%R.randint(0,NS-1)}]),ext]}
    if R.random()<0.3: s["allOf"].append(s_string(False) if R.random()<0.5 else s_num(False))
    return s
def schema(d=0):
    if d>3: return R.choice([s_string(),s_num(),{"type":"boolean"},{},{"enum":R.sample(ENUMS,2)},True])
    r=R.random()
    if r<0.14: s=s_string()
    elif r<0.22: s=s_num()
    elif r<0.25: s={"type":"boolean"}
    elif r<0.35: s=s_array(d)
    elif r<0.50: s=s_object(d)
    elif r<0.58: s=s_tagged(d)
    elif r<0.64: s=s_inherit(d)
    elif r<0.72:
        s={}
        for f in R.sample([lambda: s_string(False),lambda: s_num(False),lambda: s_array(d,False),lambda: s_object(d,False)],R.randint(1,2)):
            s.update(f())
    elif r<0.76: s={"oneOf":[schema(d+1),schema(d+1)]}
    elif r<0.80: s={"anyOf":[schema(d+1),schema(d+1),schema(d+1)]}
    elif r<0.84: s={"allOf":[schema(d+1),schema(d+1)]}
    elif r<0.88: s={"enum":uniq(R.sample(ENUMS+[1,None,{"a":1},[1],2.0,True],R.randint(1,4)))}
    elif r<0.90: s={"const":R.choice([{"a":[1]},[1,2],None,"a-b",1.0,""])}
    elif r<0.95:
        s={"$ref":"#/components/schemas/S%d"%R.randint(0,NS-1)}
        if R.random()<0.4: s={"$ref":"DEEP"}  # a schema inside another; see fill()
        if R.random()<0.5: s["maxLength"]=1; s["description"]="siblings"
    else: s=R.choice([True,False,{}])
    if isinstance(s,dict):
        if "type" in s and R.random()<0.12: s["type"]=[s["type"],"null"]
        elif "type" in s and R.random()<0.06 and isinstance(s["type"],str): s["type"]=list(dict.fromkeys([s["type"],R.choice(["string","integer","boolean","object","array","number"])]))
        if R.random()<0.04: s["not"]=schema(d+1)
        if R.random()<0.05:
            s["if"]=schema(d+1)
            if R.random()<0.7: s["then"]=schema(d+1)
            if R.random()<0.5: s["else"]=schema(d+1)
        if R.random()<0.05: s["title"]=R.choice(["Thing","thing","A b","Message","Option","String","Vec","Result","Box","Self","x"])
        if R.random()<0.03: s["default"]=R.choice(["x",1,None])
        if R.random()<0.03: s["readOnly"]=True
    return s
def deref(s,seen=0):
    while isinstance(s,dict) and "$ref" in s and seen<20:
        s=resolve(s["$ref"]); seen+=1
    return s
STRS=["","a","ab","abc","b","x9","abcdef","YWJj","2020-01-01T00:00:00Z","2020-01-01","12:00:00Z","a@b.c","\u00e9\u00e9\u00e9","\U0001F600\U0001F600","a\u0000b","YW==","1.2.3.4","::1","http://x/y","3fa85f64-5717-4562-b3fc-2c963f66afa6","host.name","a-b","a_b","A B","1","None","Self","type","[","-","12"]
def value(s,d=0):
    s=deref(s)
    if s is True or s is False or not isinstance(s,dict) or d>6: return rand_any(d)
    if R.random()<0.1: return rand_any(d)
    for k in ("oneOf","anyOf","allOf"):
        if k in s and R.random()<0.8:
            if k=="allOf":
                o={}
                for sub in s[k]:
                    v=value(sub,d+1)
                    if isinstance(v,dict): o.update(v)
                    else: return v
                return o
            return value(R.choice(s[k]),d+1)
    t=s.get("type")
    if isinstance(t,list): t=R.choice(t)
    if "enum" in s and R.random()<0.7: return R.choice(s["enum"])
    if "const" in s and R.random()<0.7: return s["const"]
    if t is None:
        if "properties" in s: t="object"
        elif "items" in s: t="array"
        elif "minLength" in s or "pattern" in s: t="string"
        elif "minimum" in s or "maximum" in s: t="number"
    if t=="string": return R.choice(STRS)
    if t=="integer": return R.choice([-3,0,1,2,3,4,6,10,11, 2.0, RawNum("9223372036854775808"), RawNum("-9223372036854775809"), RawNum("18446744073709551616"), RawNum("-0"), RawNum("1e1"), RawNum("40e-1"), RawNum("1e400"), 2147483648, 255, 256])
    if t=="number": return R.choice([-3,0,0.5,1.5,2,3,4.5,10,11, RawNum("1e400"), RawNum("-0.0"), RawNum("0.30000000000000000001"), 0.1, 0.3, RawNum("1e-7"), RawNum("3.4e39")])
    if t=="boolean": return R.choice([True,False])
    if t=="null": return None
    if t=="array":
        it=s.get("items",{})
        n=R.randint(0,4)
        if isinstance(it,list): return [value(it[i],d+1) if i<len(it) else value(s.get("additionalItems",{}),d+1) for i in range(n)]
        v=[value(it,d+1) for _ in range(n)]
        if R.random()<0.2 and v: v.append(v[0])
        return v
    if t=="object":
        o={}
        for k,v in s.get("properties",{}).items():
            if R.random()<0.7: o[k]=value(v,d+1)
        for k in s.get("required",[]):
            if k not in o and R.random()<0.8: o[k]=value(s.get("properties",{}).get(k,s.get("additionalProperties",{})),d+1)
        if R.random()<0.3: o[R.choice(["zz","ix","extra","i","a","é","_"])]=value(s.get("additionalProperties",{}),d+1)
        return o
    return rand_any(d)
def rand_any(d):
    return R.choice([None,True,1,-1,2.5,"a","abc",[],[1,"a"],{},{"a":1},{"type":"a-b"},{"kind":"a"},"a-b",""])
def quoted(text):
    """A JSON string, sometimes with every character escaped or none."""
    r = R.random()
    if r < 0.15:
        return '"' + "".join("\\u%04x" % ord(c) if ord(c) < 0x10000 else json.dumps(c)[1:-1] for c in text) + '"'
    if r < 0.2:
        return json.dumps(text, ensure_ascii=False)
    return json.dumps(text)
def dump(v, escapes=False):
    """JSON text of v; with escapes, strings and names are spelt in varied ways."""
    if isinstance(v, RawNum): return v.text
    if isinstance(v, bool) or v is None: return json.dumps(v)
    if isinstance(v, list): return "[" + ",".join(dump(x, escapes) for x in v) + "]"
    if isinstance(v, dict): return "{" + ",".join((quoted(k) if escapes else json.dumps(k)) + ":" + dump(x, escapes) for k, x in v.items()) + "}"
    if isinstance(v, str) and escapes: return quoted(v)
    return json.dumps(v)
def resolve(ref):
    """The schema a `#/components/schemas/...` reference names."""
    tokens = ref[1:].split("/")[3:]
    found = SCHEMAS[tokens[0]]
    for token in tokens[1:]:
        token = urllib.parse.unquote(token).replace("~1", "/").replace("~0", "~")
        found = found[int(token)] if isinstance(found, list) else found[token]
    return found
def inner(v, at, out):
    """Collects the pointers of v's schemas, v's own first; names in them are
    percent-encoded seven times in ten, and always where a URI needs it."""
    if not isinstance(v, dict): return
    out.append(at)
    for k in ("items", "additionalProperties", "not", "if", "then", "else", "contains", "propertyNames", "additionalItems"):
        if isinstance(v.get(k), dict): inner(v[k], at + "/" + k, out)
    for k in ("properties", "patternProperties", "definitions"):
        if isinstance(v.get(k), dict):
            for n, x in v[k].items():
                token = n.replace("~", "~0").replace("/", "~1")
                plain = token.isascii() and " " not in token  # a URI may hold it as it is
                token = urllib.parse.quote(token, safe="") if R.random() < 0.7 or not plain else token
                inner(x, at + "/" + k + "/" + token, out)
    for k in ("allOf", "anyOf", "oneOf", "items"):
        if isinstance(v.get(k), list):
            for i, x in enumerate(v[k]): inner(x, at + "/%s/%d" % (k, i), out)
def fill(v, pointers):
    """Points every `$ref: DEEP` at a schema inside some component."""
    if isinstance(v, dict):
        if v.get("$ref") == "DEEP": v["$ref"] = "#" + R.choice(pointers)
        for x in v.values(): fill(x, pointers)
    elif isinstance(v, list):
        for x in v: fill(x, pointers)
SCHEMAS = {}
for i in range(NS):
    SCHEMAS["S%d" % i] = None
for i in range(NS):
    s = schema(0)
    while isinstance(s, dict) and "$ref" in s:
        s = schema(0)
    SCHEMAS["S%d" % i] = s
POINTERS = []
for k, v in SCHEMAS.items():
    inner(v, "/components/schemas/" + k, POINTERS)
for v in list(SCHEMAS.values()):
    fill(v, POINTERS)
lines = [
    "asyncapi: 3.0.0",
    "info:",
    "  title: Random schemas",
    "  version: '1'",
    "  description: >-",
    "    Written by tools/differential/random_schemas.py (seed %d); its payloads are in" % seed,
    "    random_schemas.jsonl beside it.",
    "channels:",
    "  random:",
    "    address: random",
    "    messages:",
]
lines += ["      M%d: {$ref: '#/components/messages/M%d'}" % (i, i) for i in range(NS)]
lines += ["components:", "  messages:"]
lines += ["    M%d: {payload: {$ref: '#/components/schemas/S%d'}}" % (i, i) for i in range(NS)]
lines += ["  schemas:"]
lines += ["    S%d: %s" % (i, dump(SCHEMAS["S%d" % i])) for i in range(NS)]
with open(DOC, "w") as f:
    f.write("\n".join(lines) + "\n")
with open(PAYLOADS, "w") as f:
    for i in range(NS):
        for _ in range(40):
            f.write("M%d\t%s\n" % (i, dump(value(SCHEMAS["S%d" % i]), escapes=True)))
