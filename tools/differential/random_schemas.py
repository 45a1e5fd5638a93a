#!/usr/bin/env python3
"""Writes the differential corpus: an AsyncAPI document of random JSON Schemas (one
message per schema) and payloads for each message, some valid and many not.

fixture-tests/tests/differential.rs runs every payload through the code generated from
the document and through the interpreter, which must agree on every verdict and every
violation. The corpus is checked in; run this again only to change it:

    python3 tools/differential/random_schemas.py 8 100 \\
        fixture-tests/differential/random_schemas.yaml \\
        fixture-tests/differential/random_schemas.jsonl

The schemas mix every keyword the generator types or leaves to the interpreter (bounds,
patterns, formats, tuples, additional and pattern properties, required properties no
schema describes, dependencies, nullable types, enum, const, not, if/then, the
compositions and references between components); payloads are drawn from the schema
and then, one time in ten at each level, from anything; numbers include ones no
float holds (1e400, 2^63, 0.30000000000000000001) and strings ones whose length in
code points is not their length in bytes.
"""
import json
import random
import sys

class RawNum(float):
    """A number written as given (1e400 is no float)."""
    def __new__(cls, text):
        o=float.__new__(cls, float(text)); o.text=text; return o
    def __repr__(self): return self.text

seed, NS, DOC, PAYLOADS = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
R = random.Random(seed)
NAMES=["a","b","id","kind","x1","item","n"]
def s_string():
    s={"type":"string"}
    if R.random()<0.3: s["minLength"]=R.randint(0,3)
    if R.random()<0.3: s["maxLength"]=R.randint(1,5)
    if R.random()<0.2: s["pattern"]=R.choice(["^a","[0-9]","^[a-z]+$","b$"])
    if R.random()<0.1: s["enum"]=R.sample(["a","b","ab","x"],2)
    if R.random()<0.1: s["format"]=R.choice(["byte","date-time","email"])
    return s
def s_num():
    s={"type":R.choice(["integer","number"])}
    if R.random()<0.3: s["minimum"]=R.randint(-2,2)
    if R.random()<0.3: s["maximum"]=R.randint(3,10)
    if R.random()<0.15: s["exclusiveMinimum"]=R.randint(-2,2)
    if R.random()<0.15: s["exclusiveMaximum"]=R.randint(3,10)
    if R.random()<0.15: s["multipleOf"]=R.choice([2,0.5,3])
    if R.random()<0.1: s["const"]=R.randint(0,3)
    return s
def s_array(d):
    s={"type":"array"}
    r=R.random()
    if r<0.6: s["items"]=schema(d+1)
    elif r<0.75: s["items"]=[schema(d+1) for _ in range(R.randint(1,2))]; 
    if isinstance(s.get("items"),list) and R.random()<0.5: s["additionalItems"]=R.choice([False, schema(d+1)])
    if R.random()<0.3: s["minItems"]=R.randint(0,2)
    if R.random()<0.3: s["maxItems"]=R.randint(1,3)
    if R.random()<0.2: s["uniqueItems"]=True
    if R.random()<0.15: s["contains"]=schema(d+1)
    if R.random()<0.05: s["items"]=R.choice([True,False])
    return s
def s_object(d):
    s={"type":"object"}
    props={}
    for n in R.sample(NAMES,R.randint(0,3)):
        r=R.random()
        props[n]=schema(d+1) if r<0.8 else ({"$ref":"#/components/schemas/S%d"%R.randint(0,NS-1)} if r<0.9 else R.choice([True,False]))
    if props or R.random()<0.5: s["properties"]=props
    req=[n for n in props if R.random()<0.5]
    if R.random()<0.3: req.append(R.choice([n for n in NAMES if n not in props] or ["zz"]))
    req=list(dict.fromkeys(req))
    if req: s["required"]=req
    r=R.random()
    if r<0.25: s["additionalProperties"]=False
    elif r<0.5: s["additionalProperties"]=schema(d+1)
    elif r<0.55: s["additionalProperties"]=True
    if R.random()<0.15: s["patternProperties"]={"^i":schema(d+1)}
    if R.random()<0.1: s["propertyNames"]={"maxLength":3}
    if R.random()<0.15: s["minProperties"]=R.randint(0,2)
    if R.random()<0.15: s["maxProperties"]=R.randint(1,3)
    if R.random()<0.1 and props: s["dependencies"]={R.choice(list(props)):[R.choice(NAMES)]}
    if R.random()<0.06 and props: s["dependencies"]={R.choice(list(props)):schema(d+1)}
    if R.random()<0.05: s["propertyNames"]={"pattern":"^[a-z]"}
    if R.random()<0.05: s["additionalProperties"]={"$ref":"#/components/schemas/S%d"%R.randint(0,NS-1)}
    return s
def schema(d=0):
    if d>3: return R.choice([s_string(),s_num(),{"type":"boolean"},{}])
    r=R.random()
    if r<0.2: s=s_string()
    elif r<0.35: s=s_num()
    elif r<0.4: s={"type":"boolean"}
    elif r<0.55: s=s_array(d)
    elif r<0.8: s=s_object(d)
    elif r<0.85: s={"oneOf":[schema(d+1),schema(d+1)]}
    elif r<0.9: s={"anyOf":[schema(d+1),schema(d+1)]}
    elif r<0.95: s={"allOf":[schema(d+1),schema(d+1)]}
    else: s={"$ref":"#/components/schemas/S%d"%R.randint(0,NS-1)}
    if "type" in s and R.random()<0.12: s["type"]=[s["type"],"null"]
    elif "type" in s and R.random()<0.06: s["type"]=list(dict.fromkeys([s["type"],R.choice(["string","integer","boolean","object","array","number"])]))
    if R.random()<0.04: s["enum"]=R.sample(["a",1,None,True,{"a":1},[1],2.0],3)
    if R.random()<0.03: s["const"]=R.choice([{"a":1},[1,2],None,"a",1.0])
    if R.random()<0.03: s["default"]="x"
    if R.random()<0.05: s["not"]=schema(d+1)
    if R.random()<0.05: s["if"]=schema(d+1); s["then"]=schema(d+1)
    return s
def value(s,d=0):
    if s is True or s is False or not isinstance(s,dict) or d>6: return rand_any(d)
    if R.random()<0.1: return rand_any(d)
    if "$ref" in s: return value(SCHEMAS[s["$ref"].split("/")[-1]],d+1)
    for k in ("oneOf","anyOf","allOf"):
        if k in s: return value(R.choice(s[k]),d+1)
    t=s.get("type")
    if isinstance(t,list): t=R.choice(t)
    if "enum" in s and R.random()<0.7: return R.choice(s["enum"])
    if "const" in s and R.random()<0.7: return s["const"]
    if t=="string": return R.choice(["","a","ab","abc","b","x9","abcdef","YWJj","2020-01-01T00:00:00Z","a@b.c","\u00e9\u00e9\u00e9","\U0001F600\U0001F600","a\u0000b","YW=="])
    if t=="integer": return R.choice([-3,0,1,2,3,4,6,10,11, 2.0, RawNum("9223372036854775808"), RawNum("-0"), RawNum("1e1"), RawNum("40e-1"), RawNum("1e400")])
    if t=="number": return R.choice([-3,0,0.5,1.5,2,3,4.5,10,11, RawNum("1e400"), RawNum("-0.0"), RawNum("0.30000000000000000001")])
    if t=="boolean": return R.choice([True,False])
    if t=="null": return None
    if t=="array":
        it=s.get("items",{})
        n=R.randint(0,4)
        if isinstance(it,list): return [value(it[i],d+1) if i<len(it) else value(s.get("additionalItems",{}),d+1) for i in range(n)]
        return [value(it,d+1) for _ in range(n)]
    if t=="object" or "properties" in s:
        o={}
        for k,v in s.get("properties",{}).items():
            if R.random()<0.7: o[k]=value(v,d+1)
        for k in s.get("required",[]):
            if k not in o and R.random()<0.8: o[k]=value(s.get("additionalProperties",{}),d+1)
        if R.random()<0.3: o[R.choice(["zz","ix","extra","i"])]=value(s.get("additionalProperties",{}),d+1)
        return o
    return rand_any(d)
def rand_any(d):
    return R.choice([None,True,1,-1,2.5,"a","abc",[],[1,"a"],{},{"a":1},{"id":"x"}])
def dump(v):
    if isinstance(v,RawNum): return v.text
    if isinstance(v,list): return "["+",".join(dump(x) for x in v)+"]"
    if isinstance(v,dict): return "{"+",".join(json.dumps(k)+":"+dump(x) for k,x in v.items())+"}"
    return json.dumps(v)
SCHEMAS={}
for i in range(NS):
    SCHEMAS["S%d"%i]=None
for i in range(NS):
    s=schema(0)
    while "$ref" in s: s=schema(0)
    SCHEMAS["S%d"%i]=s
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
lines += ["    S%d: %s" % (i, json.dumps(SCHEMAS["S%d" % i], sort_keys=False)) for i in range(NS)]
with open(DOC, "w") as f:
    f.write("\n".join(lines) + "\n")
with open(PAYLOADS, "w") as f:
    for i in range(NS):
        for _ in range(40):
            f.write("M%d\t%s\n" % (i, dump(value(SCHEMAS["S%d" % i]))))
