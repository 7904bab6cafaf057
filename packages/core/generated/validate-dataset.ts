// Generated from schemas/notes.schema.json by scripts/generate-schema-types.mjs (ajv standalone code, options {"allErrors":false,"strict":true}).
// Do not edit: edit the schema and run `npm run generate`.
// @ts-nocheck
/* eslint-disable */
import type { ErrorObject } from 'ajv';
import type { NotesDataset } from './notes-schema.js';

// ajv/dist/runtime/ucs2length.js (ajv 8.20.0, MIT)
const ajvRuntime0 = function ucs2length(str) {
    const len = str.length;
    let length = 0;
    let pos = 0;
    let value;
    while (pos < len) {
        length++;
        value = str.charCodeAt(pos++);
        if (value >= 0xd800 && value <= 0xdbff && pos < len) {
            // high surrogate, and there is a next character
            value = str.charCodeAt(pos);
            if ((value & 0xfc00) === 0xdc00)
                pos++; // low surrogate
        }
    }
    return length;
};

const schema31 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://notes.dev/schemas/notes.schema.json","title":"NotesDataset","description":"The JSON dataset written by `notes export --json`: every document, topic and note of the input, repaired.","type":"object","additionalProperties":false,"required":["schemaVersion","documents","notes"],"properties":{"$schema":{"type":"string","description":"The address of this schema."},"schemaVersion":{"const":1,"description":"Bumped on any incompatible change of this shape."},"documents":{"type":"array","items":{"$ref":"#/$defs/document"}},"notes":{"type":"array","items":{"$ref":"#/$defs/note"}}},"$defs":{"id":{"type":"string","pattern":"^[a-z]-[0-9a-f]{16}$","description":"Stable id: a kind letter and 16 hex digits of a hash of the normalized document, topic and question text."},"tag":{"type":"string","pattern":"^[^\\s]+$","description":"A tag: no white space (Anki's rule)."},"source":{"type":"object","additionalProperties":false,"required":["path","line","endLine"],"properties":{"path":{"type":"string","description":"The source file, relative to the working directory, with `/`."},"line":{"type":"integer","minimum":1,"description":"1-based first line (the heading, for a question)."},"endLine":{"type":"integer","minimum":1,"description":"1-based last line."}}},"document":{"type":"object","additionalProperties":false,"required":["id","title","lang","frontMatter","tags","topics","source"],"properties":{"id":{"$ref":"#/$defs/id"},"title":{"type":"string","description":"Plain-text title: the title heading, else front matter `title`, else the file name."},"lang":{"type":"string","minLength":2,"pattern":"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$","description":"BCP 47 language tag of the document: front matter `lang`, else detected from its scripts (`und` when nothing decides)."},"frontMatter":{"type":["object","null"],"description":"The parsed YAML front matter, or null when the file has none.","additionalProperties":true},"tags":{"type":"array","items":{"$ref":"#/$defs/tag"}},"topics":{"type":"array","items":{"type":"object","additionalProperties":false,"required":["id","title","tags","line"],"properties":{"id":{"$ref":"#/$defs/id"},"title":{"type":"string"},"tags":{"type":"array","items":{"$ref":"#/$defs/tag"}},"line":{"type":"integer","minimum":1}}}},"source":{"$ref":"#/$defs/source"}}},"cell":{"type":"object","additionalProperties":false,"required":["text","markdown","filled"],"properties":{"text":{"type":"string","description":"Plain text of the cell."},"markdown":{"type":"string","description":"The cell as Markdown (emphasis, code, links kept)."},"filled":{"type":"boolean","description":"True when the cell was empty in the source and filled down from the row above (\"same as above\")."}}},"table":{"type":"object","additionalProperties":false,"required":["columns","rows","line"],"properties":{"columns":{"type":"array","items":{"type":"string"},"description":"Header cells as plain text."},"rows":{"type":"array","items":{"type":"array","items":{"$ref":"#/$defs/cell"}},"description":"Body rows; each has exactly as many cells as there are columns."},"line":{"type":"integer","minimum":1}}},"callout":{"type":"object","additionalProperties":false,"required":["label","markdown","text","line"],"properties":{"label":{"type":["string","null"],"description":"The callout's label (`Note`, `Tip`, `Warning`…), or null when it has none."},"markdown":{"type":"string","description":"The callout's body as Markdown, without the quote markers."},"text":{"type":"string","description":"The callout's body as plain text, label included."},"line":{"type":"integer","minimum":1}}},"note":{"type":"object","additionalProperties":false,"required":["id","kind","title","topic","topicId","document","documentId","answer","tables","callouts","tags","source"],"properties":{"id":{"$ref":"#/$defs/id"},"kind":{"enum":["question","overview"],"description":"`question`: a question heading and its answer; `overview`: content before a topic's (or the document's) first question."},"title":{"type":"string","description":"Plain text of the question heading (an overview takes its topic's or document's title)."},"topic":{"type":["string","null"],"description":"Title of the topic, or null for notes outside any topic."},"topicId":{"oneOf":[{"$ref":"#/$defs/id"},{"type":"null"}]},"document":{"type":"string","description":"Title of the document."},"documentId":{"$ref":"#/$defs/id"},"answer":{"type":"object","additionalProperties":false,"required":["markdown","text"],"properties":{"markdown":{"type":"string","description":"The answer as Markdown: everything under the heading, sub-headings included."},"text":{"type":"string","description":"The answer as plain text, blocks separated by blank lines."}}},"tables":{"type":"array","items":{"$ref":"#/$defs/table"}},"callouts":{"type":"array","items":{"$ref":"#/$defs/callout"}},"clozes":{"type":"array","description":"Cloze deletions in the answer (`==text==`, `==2:text==`, `{{c1::text::hint}}`), in reading order. Absent when there are none.","items":{"$ref":"#/$defs/cloze"}},"tags":{"type":"array","items":{"$ref":"#/$defs/tag"}},"source":{"$ref":"#/$defs/source"},"math":{"type":"array","description":"TeX math of the answer (`$…$`, `$$…$$`), in source order; absent when there is none.","minItems":1,"items":{"$ref":"#/$defs/math"}},"images":{"type":"array","description":"Images of the answer, in source order; absent when there is none.","minItems":1,"items":{"$ref":"#/$defs/image"}}}},"math":{"type":"object","additionalProperties":false,"required":["type","display","tex","line"],"description":"A math node: the TeX source as written between the dollar signs.","properties":{"type":{"const":"math"},"display":{"type":"boolean","description":"`true` for `$$…$$`, `false` for inline `$…$`."},"tex":{"type":"string","description":"The TeX source, unchanged."},"line":{"type":"integer","minimum":1,"description":"1-based line of the opening dollar sign."}}},"image":{"type":"object","additionalProperties":false,"required":["type","alt","url","line"],"description":"An image node. A local image that was read has `path`, `size`, `sha256`, `format`, `width` and `height`; one that was not (remote, missing, outside the notes' folder, damaged or too big) has `problem`.","properties":{"type":{"const":"image"},"alt":{"type":"string","description":"Alt text."},"url":{"type":"string","description":"The address as written in the note."},"line":{"type":"integer","minimum":1},"path":{"type":"string","description":"Path relative to the notes' folder, with `/`."},"size":{"type":"integer","minimum":0,"description":"Size in bytes."},"sha256":{"type":"string","pattern":"^[0-9a-f]{64}$","description":"SHA-256 of the file, hex."},"format":{"enum":["png","jpeg","gif","svg"]},"width":{"type":"integer","minimum":1,"description":"Width in pixels (SVG: user units)."},"height":{"type":"integer","minimum":1},"problem":{"type":"string","description":"Why the image was not used, e.g. `is not local: not fetched`."}}},"cloze":{"type":"object","additionalProperties":false,"required":["group","explicit","syntax","text","hint","line","column"],"properties":{"group":{"type":"integer","minimum":1,"description":"Card number: as written (`==2:…==`, `{{c2::…}}`), else the next number no explicit cloze of the note uses, in reading order."},"explicit":{"type":"boolean","description":"Whether the number was written."},"syntax":{"enum":["highlight","anki"],"description":"`highlight`: `==text==` / `==2:text==`; `anki`: `{{c1::text::hint}}`."},"text":{"type":"string","description":"Plain text of the hidden part."},"hint":{"type":["string","null"],"description":"Anki's hint, or null."},"line":{"type":"integer","minimum":1,"description":"1-based line of the opening marker in the source file."},"column":{"type":"integer","minimum":1,"description":"1-based column of the opening marker."}}}}};
const schema32 = {"type":"object","additionalProperties":false,"required":["id","title","lang","frontMatter","tags","topics","source"],"properties":{"id":{"$ref":"#/$defs/id"},"title":{"type":"string","description":"Plain-text title: the title heading, else front matter `title`, else the file name."},"lang":{"type":"string","minLength":2,"pattern":"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$","description":"BCP 47 language tag of the document: front matter `lang`, else detected from its scripts (`und` when nothing decides)."},"frontMatter":{"type":["object","null"],"description":"The parsed YAML front matter, or null when the file has none.","additionalProperties":true},"tags":{"type":"array","items":{"$ref":"#/$defs/tag"}},"topics":{"type":"array","items":{"type":"object","additionalProperties":false,"required":["id","title","tags","line"],"properties":{"id":{"$ref":"#/$defs/id"},"title":{"type":"string"},"tags":{"type":"array","items":{"$ref":"#/$defs/tag"}},"line":{"type":"integer","minimum":1}}}},"source":{"$ref":"#/$defs/source"}}};
const schema33 = {"type":"string","pattern":"^[a-z]-[0-9a-f]{16}$","description":"Stable id: a kind letter and 16 hex digits of a hash of the normalized document, topic and question text."};
const schema34 = {"type":"string","pattern":"^[^\\s]+$","description":"A tag: no white space (Anki's rule)."};
const schema37 = {"type":"object","additionalProperties":false,"required":["path","line","endLine"],"properties":{"path":{"type":"string","description":"The source file, relative to the working directory, with `/`."},"line":{"type":"integer","minimum":1,"description":"1-based first line (the heading, for a question)."},"endLine":{"type":"integer","minimum":1,"description":"1-based last line."}}};
const pattern4 = new RegExp("^[a-z]-[0-9a-f]{16}$", "u");
const pattern5 = new RegExp("^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$", "u");
const pattern6 = new RegExp("^[^\\s]+$", "u");
const func1 = ajvRuntime0;

function validate21(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate21.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((((((data.id === undefined) && (missing0 = "id")) || ((data.title === undefined) && (missing0 = "title"))) || ((data.lang === undefined) && (missing0 = "lang"))) || ((data.frontMatter === undefined) && (missing0 = "frontMatter"))) || ((data.tags === undefined) && (missing0 = "tags"))) || ((data.topics === undefined) && (missing0 = "topics"))) || ((data.source === undefined) && (missing0 = "source"))){
validate21.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((((((key0 === "id") || (key0 === "title")) || (key0 === "lang")) || (key0 === "frontMatter")) || (key0 === "tags")) || (key0 === "topics")) || (key0 === "source"))){
validate21.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.id !== undefined){
let data0 = data.id;
const _errs2 = errors;
const _errs3 = errors;
if(errors === _errs3){
if(typeof data0 === "string"){
if(!pattern4.test(data0)){
validate21.errors = [{instancePath:instancePath+"/id",schemaPath:"#/$defs/id/pattern",keyword:"pattern",params:{pattern: "^[a-z]-[0-9a-f]{16}$"},message:"must match pattern \""+"^[a-z]-[0-9a-f]{16}$"+"\""}];
return false;
}
}
else {
validate21.errors = [{instancePath:instancePath+"/id",schemaPath:"#/$defs/id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.title !== undefined){
const _errs5 = errors;
if(typeof data.title !== "string"){
validate21.errors = [{instancePath:instancePath+"/title",schemaPath:"#/properties/title/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.lang !== undefined){
let data2 = data.lang;
const _errs7 = errors;
if(errors === _errs7){
if(typeof data2 === "string"){
if(func1(data2) < 2){
validate21.errors = [{instancePath:instancePath+"/lang",schemaPath:"#/properties/lang/minLength",keyword:"minLength",params:{limit: 2},message:"must NOT have fewer than 2 characters"}];
return false;
}
else {
if(!pattern5.test(data2)){
validate21.errors = [{instancePath:instancePath+"/lang",schemaPath:"#/properties/lang/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$"},message:"must match pattern \""+"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$"+"\""}];
return false;
}
}
}
else {
validate21.errors = [{instancePath:instancePath+"/lang",schemaPath:"#/properties/lang/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs7 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.frontMatter !== undefined){
let data3 = data.frontMatter;
const _errs9 = errors;
if((!(data3 && typeof data3 == "object" && !Array.isArray(data3))) && (data3 !== null)){
validate21.errors = [{instancePath:instancePath+"/frontMatter",schemaPath:"#/properties/frontMatter/type",keyword:"type",params:{type: schema32.properties.frontMatter.type},message:"must be object,null"}];
return false;
}
var valid0 = _errs9 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.tags !== undefined){
let data4 = data.tags;
const _errs12 = errors;
if(errors === _errs12){
if(Array.isArray(data4)){
var valid2 = true;
const len0 = data4.length;
for(let i0=0; i0<len0; i0++){
let data5 = data4[i0];
const _errs14 = errors;
const _errs15 = errors;
if(errors === _errs15){
if(typeof data5 === "string"){
if(!pattern6.test(data5)){
validate21.errors = [{instancePath:instancePath+"/tags/" + i0,schemaPath:"#/$defs/tag/pattern",keyword:"pattern",params:{pattern: "^[^\\s]+$"},message:"must match pattern \""+"^[^\\s]+$"+"\""}];
return false;
}
}
else {
validate21.errors = [{instancePath:instancePath+"/tags/" + i0,schemaPath:"#/$defs/tag/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid2 = _errs14 === errors;
if(!valid2){
break;
}
}
}
else {
validate21.errors = [{instancePath:instancePath+"/tags",schemaPath:"#/properties/tags/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs12 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.topics !== undefined){
let data6 = data.topics;
const _errs17 = errors;
if(errors === _errs17){
if(Array.isArray(data6)){
var valid4 = true;
const len1 = data6.length;
for(let i1=0; i1<len1; i1++){
let data7 = data6[i1];
const _errs19 = errors;
if(errors === _errs19){
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
let missing1;
if(((((data7.id === undefined) && (missing1 = "id")) || ((data7.title === undefined) && (missing1 = "title"))) || ((data7.tags === undefined) && (missing1 = "tags"))) || ((data7.line === undefined) && (missing1 = "line"))){
validate21.errors = [{instancePath:instancePath+"/topics/" + i1,schemaPath:"#/properties/topics/items/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"}];
return false;
}
else {
const _errs21 = errors;
for(const key1 in data7){
if(!((((key1 === "id") || (key1 === "title")) || (key1 === "tags")) || (key1 === "line"))){
validate21.errors = [{instancePath:instancePath+"/topics/" + i1,schemaPath:"#/properties/topics/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs21 === errors){
if(data7.id !== undefined){
let data8 = data7.id;
const _errs22 = errors;
const _errs23 = errors;
if(errors === _errs23){
if(typeof data8 === "string"){
if(!pattern4.test(data8)){
validate21.errors = [{instancePath:instancePath+"/topics/" + i1+"/id",schemaPath:"#/$defs/id/pattern",keyword:"pattern",params:{pattern: "^[a-z]-[0-9a-f]{16}$"},message:"must match pattern \""+"^[a-z]-[0-9a-f]{16}$"+"\""}];
return false;
}
}
else {
validate21.errors = [{instancePath:instancePath+"/topics/" + i1+"/id",schemaPath:"#/$defs/id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid5 = _errs22 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data7.title !== undefined){
const _errs25 = errors;
if(typeof data7.title !== "string"){
validate21.errors = [{instancePath:instancePath+"/topics/" + i1+"/title",schemaPath:"#/properties/topics/items/properties/title/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid5 = _errs25 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data7.tags !== undefined){
let data10 = data7.tags;
const _errs27 = errors;
if(errors === _errs27){
if(Array.isArray(data10)){
var valid7 = true;
const len2 = data10.length;
for(let i2=0; i2<len2; i2++){
let data11 = data10[i2];
const _errs29 = errors;
const _errs30 = errors;
if(errors === _errs30){
if(typeof data11 === "string"){
if(!pattern6.test(data11)){
validate21.errors = [{instancePath:instancePath+"/topics/" + i1+"/tags/" + i2,schemaPath:"#/$defs/tag/pattern",keyword:"pattern",params:{pattern: "^[^\\s]+$"},message:"must match pattern \""+"^[^\\s]+$"+"\""}];
return false;
}
}
else {
validate21.errors = [{instancePath:instancePath+"/topics/" + i1+"/tags/" + i2,schemaPath:"#/$defs/tag/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid7 = _errs29 === errors;
if(!valid7){
break;
}
}
}
else {
validate21.errors = [{instancePath:instancePath+"/topics/" + i1+"/tags",schemaPath:"#/properties/topics/items/properties/tags/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid5 = _errs27 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data7.line !== undefined){
let data12 = data7.line;
const _errs32 = errors;
if(!(((typeof data12 == "number") && (!(data12 % 1) && !isNaN(data12))) && (isFinite(data12)))){
validate21.errors = [{instancePath:instancePath+"/topics/" + i1+"/line",schemaPath:"#/properties/topics/items/properties/line/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs32){
if((typeof data12 == "number") && (isFinite(data12))){
if(data12 < 1 || isNaN(data12)){
validate21.errors = [{instancePath:instancePath+"/topics/" + i1+"/line",schemaPath:"#/properties/topics/items/properties/line/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid5 = _errs32 === errors;
}
else {
var valid5 = true;
}
}
}
}
}
}
}
else {
validate21.errors = [{instancePath:instancePath+"/topics/" + i1,schemaPath:"#/properties/topics/items/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid4 = _errs19 === errors;
if(!valid4){
break;
}
}
}
else {
validate21.errors = [{instancePath:instancePath+"/topics",schemaPath:"#/properties/topics/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs17 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.source !== undefined){
let data13 = data.source;
const _errs34 = errors;
const _errs35 = errors;
if(errors === _errs35){
if(data13 && typeof data13 == "object" && !Array.isArray(data13)){
let missing2;
if((((data13.path === undefined) && (missing2 = "path")) || ((data13.line === undefined) && (missing2 = "line"))) || ((data13.endLine === undefined) && (missing2 = "endLine"))){
validate21.errors = [{instancePath:instancePath+"/source",schemaPath:"#/$defs/source/required",keyword:"required",params:{missingProperty: missing2},message:"must have required property '"+missing2+"'"}];
return false;
}
else {
const _errs37 = errors;
for(const key2 in data13){
if(!(((key2 === "path") || (key2 === "line")) || (key2 === "endLine"))){
validate21.errors = [{instancePath:instancePath+"/source",schemaPath:"#/$defs/source/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs37 === errors){
if(data13.path !== undefined){
const _errs38 = errors;
if(typeof data13.path !== "string"){
validate21.errors = [{instancePath:instancePath+"/source/path",schemaPath:"#/$defs/source/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid10 = _errs38 === errors;
}
else {
var valid10 = true;
}
if(valid10){
if(data13.line !== undefined){
let data15 = data13.line;
const _errs40 = errors;
if(!(((typeof data15 == "number") && (!(data15 % 1) && !isNaN(data15))) && (isFinite(data15)))){
validate21.errors = [{instancePath:instancePath+"/source/line",schemaPath:"#/$defs/source/properties/line/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs40){
if((typeof data15 == "number") && (isFinite(data15))){
if(data15 < 1 || isNaN(data15)){
validate21.errors = [{instancePath:instancePath+"/source/line",schemaPath:"#/$defs/source/properties/line/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid10 = _errs40 === errors;
}
else {
var valid10 = true;
}
if(valid10){
if(data13.endLine !== undefined){
let data16 = data13.endLine;
const _errs42 = errors;
if(!(((typeof data16 == "number") && (!(data16 % 1) && !isNaN(data16))) && (isFinite(data16)))){
validate21.errors = [{instancePath:instancePath+"/source/endLine",schemaPath:"#/$defs/source/properties/endLine/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs42){
if((typeof data16 == "number") && (isFinite(data16))){
if(data16 < 1 || isNaN(data16)){
validate21.errors = [{instancePath:instancePath+"/source/endLine",schemaPath:"#/$defs/source/properties/endLine/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid10 = _errs42 === errors;
}
else {
var valid10 = true;
}
}
}
}
}
}
else {
validate21.errors = [{instancePath:instancePath+"/source",schemaPath:"#/$defs/source/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs34 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
else {
validate21.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate21.errors = vErrors;
return errors === 0;
}
validate21.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const schema38 = {"type":"object","additionalProperties":false,"required":["id","kind","title","topic","topicId","document","documentId","answer","tables","callouts","tags","source"],"properties":{"id":{"$ref":"#/$defs/id"},"kind":{"enum":["question","overview"],"description":"`question`: a question heading and its answer; `overview`: content before a topic's (or the document's) first question."},"title":{"type":"string","description":"Plain text of the question heading (an overview takes its topic's or document's title)."},"topic":{"type":["string","null"],"description":"Title of the topic, or null for notes outside any topic."},"topicId":{"oneOf":[{"$ref":"#/$defs/id"},{"type":"null"}]},"document":{"type":"string","description":"Title of the document."},"documentId":{"$ref":"#/$defs/id"},"answer":{"type":"object","additionalProperties":false,"required":["markdown","text"],"properties":{"markdown":{"type":"string","description":"The answer as Markdown: everything under the heading, sub-headings included."},"text":{"type":"string","description":"The answer as plain text, blocks separated by blank lines."}}},"tables":{"type":"array","items":{"$ref":"#/$defs/table"}},"callouts":{"type":"array","items":{"$ref":"#/$defs/callout"}},"clozes":{"type":"array","description":"Cloze deletions in the answer (`==text==`, `==2:text==`, `{{c1::text::hint}}`), in reading order. Absent when there are none.","items":{"$ref":"#/$defs/cloze"}},"tags":{"type":"array","items":{"$ref":"#/$defs/tag"}},"source":{"$ref":"#/$defs/source"},"math":{"type":"array","description":"TeX math of the answer (`$…$`, `$$…$$`), in source order; absent when there is none.","minItems":1,"items":{"$ref":"#/$defs/math"}},"images":{"type":"array","description":"Images of the answer, in source order; absent when there is none.","minItems":1,"items":{"$ref":"#/$defs/image"}}}};
const schema44 = {"type":"object","additionalProperties":false,"required":["label","markdown","text","line"],"properties":{"label":{"type":["string","null"],"description":"The callout's label (`Note`, `Tip`, `Warning`…), or null when it has none."},"markdown":{"type":"string","description":"The callout's body as Markdown, without the quote markers."},"text":{"type":"string","description":"The callout's body as plain text, label included."},"line":{"type":"integer","minimum":1}}};
const schema45 = {"type":"object","additionalProperties":false,"required":["group","explicit","syntax","text","hint","line","column"],"properties":{"group":{"type":"integer","minimum":1,"description":"Card number: as written (`==2:…==`, `{{c2::…}}`), else the next number no explicit cloze of the note uses, in reading order."},"explicit":{"type":"boolean","description":"Whether the number was written."},"syntax":{"enum":["highlight","anki"],"description":"`highlight`: `==text==` / `==2:text==`; `anki`: `{{c1::text::hint}}`."},"text":{"type":"string","description":"Plain text of the hidden part."},"hint":{"type":["string","null"],"description":"Anki's hint, or null."},"line":{"type":"integer","minimum":1,"description":"1-based line of the opening marker in the source file."},"column":{"type":"integer","minimum":1,"description":"1-based column of the opening marker."}}};
const schema48 = {"type":"object","additionalProperties":false,"required":["type","display","tex","line"],"description":"A math node: the TeX source as written between the dollar signs.","properties":{"type":{"const":"math"},"display":{"type":"boolean","description":"`true` for `$$…$$`, `false` for inline `$…$`."},"tex":{"type":"string","description":"The TeX source, unchanged."},"line":{"type":"integer","minimum":1,"description":"1-based line of the opening dollar sign."}}};
const schema49 = {"type":"object","additionalProperties":false,"required":["type","alt","url","line"],"description":"An image node. A local image that was read has `path`, `size`, `sha256`, `format`, `width` and `height`; one that was not (remote, missing, outside the notes' folder, damaged or too big) has `problem`.","properties":{"type":{"const":"image"},"alt":{"type":"string","description":"Alt text."},"url":{"type":"string","description":"The address as written in the note."},"line":{"type":"integer","minimum":1},"path":{"type":"string","description":"Path relative to the notes' folder, with `/`."},"size":{"type":"integer","minimum":0,"description":"Size in bytes."},"sha256":{"type":"string","pattern":"^[0-9a-f]{64}$","description":"SHA-256 of the file, hex."},"format":{"enum":["png","jpeg","gif","svg"]},"width":{"type":"integer","minimum":1,"description":"Width in pixels (SVG: user units)."},"height":{"type":"integer","minimum":1},"problem":{"type":"string","description":"Why the image was not used, e.g. `is not local: not fetched`."}}};
const func2 = Object.prototype.hasOwnProperty;
const pattern13 = new RegExp("^[0-9a-f]{64}$", "u");
const schema42 = {"type":"object","additionalProperties":false,"required":["columns","rows","line"],"properties":{"columns":{"type":"array","items":{"type":"string"},"description":"Header cells as plain text."},"rows":{"type":"array","items":{"type":"array","items":{"$ref":"#/$defs/cell"}},"description":"Body rows; each has exactly as many cells as there are columns."},"line":{"type":"integer","minimum":1}}};
const schema43 = {"type":"object","additionalProperties":false,"required":["text","markdown","filled"],"properties":{"text":{"type":"string","description":"Plain text of the cell."},"markdown":{"type":"string","description":"The cell as Markdown (emphasis, code, links kept)."},"filled":{"type":"boolean","description":"True when the cell was empty in the source and filled down from the row above (\"same as above\")."}}};

function validate24(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate24.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((data.columns === undefined) && (missing0 = "columns")) || ((data.rows === undefined) && (missing0 = "rows"))) || ((data.line === undefined) && (missing0 = "line"))){
validate24.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((key0 === "columns") || (key0 === "rows")) || (key0 === "line"))){
validate24.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.columns !== undefined){
let data0 = data.columns;
const _errs2 = errors;
if(errors === _errs2){
if(Array.isArray(data0)){
var valid1 = true;
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
const _errs4 = errors;
if(typeof data0[i0] !== "string"){
validate24.errors = [{instancePath:instancePath+"/columns/" + i0,schemaPath:"#/properties/columns/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid1 = _errs4 === errors;
if(!valid1){
break;
}
}
}
else {
validate24.errors = [{instancePath:instancePath+"/columns",schemaPath:"#/properties/columns/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.rows !== undefined){
let data2 = data.rows;
const _errs6 = errors;
if(errors === _errs6){
if(Array.isArray(data2)){
var valid2 = true;
const len1 = data2.length;
for(let i1=0; i1<len1; i1++){
let data3 = data2[i1];
const _errs8 = errors;
if(errors === _errs8){
if(Array.isArray(data3)){
var valid3 = true;
const len2 = data3.length;
for(let i2=0; i2<len2; i2++){
let data4 = data3[i2];
const _errs10 = errors;
const _errs11 = errors;
if(errors === _errs11){
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
let missing1;
if((((data4.text === undefined) && (missing1 = "text")) || ((data4.markdown === undefined) && (missing1 = "markdown"))) || ((data4.filled === undefined) && (missing1 = "filled"))){
validate24.errors = [{instancePath:instancePath+"/rows/" + i1+"/" + i2,schemaPath:"#/$defs/cell/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"}];
return false;
}
else {
const _errs13 = errors;
for(const key1 in data4){
if(!(((key1 === "text") || (key1 === "markdown")) || (key1 === "filled"))){
validate24.errors = [{instancePath:instancePath+"/rows/" + i1+"/" + i2,schemaPath:"#/$defs/cell/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs13 === errors){
if(data4.text !== undefined){
const _errs14 = errors;
if(typeof data4.text !== "string"){
validate24.errors = [{instancePath:instancePath+"/rows/" + i1+"/" + i2+"/text",schemaPath:"#/$defs/cell/properties/text/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid5 = _errs14 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data4.markdown !== undefined){
const _errs16 = errors;
if(typeof data4.markdown !== "string"){
validate24.errors = [{instancePath:instancePath+"/rows/" + i1+"/" + i2+"/markdown",schemaPath:"#/$defs/cell/properties/markdown/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid5 = _errs16 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data4.filled !== undefined){
const _errs18 = errors;
if(typeof data4.filled !== "boolean"){
validate24.errors = [{instancePath:instancePath+"/rows/" + i1+"/" + i2+"/filled",schemaPath:"#/$defs/cell/properties/filled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid5 = _errs18 === errors;
}
else {
var valid5 = true;
}
}
}
}
}
}
else {
validate24.errors = [{instancePath:instancePath+"/rows/" + i1+"/" + i2,schemaPath:"#/$defs/cell/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid3 = _errs10 === errors;
if(!valid3){
break;
}
}
}
else {
validate24.errors = [{instancePath:instancePath+"/rows/" + i1,schemaPath:"#/properties/rows/items/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid2 = _errs8 === errors;
if(!valid2){
break;
}
}
}
else {
validate24.errors = [{instancePath:instancePath+"/rows",schemaPath:"#/properties/rows/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.line !== undefined){
let data8 = data.line;
const _errs20 = errors;
if(!(((typeof data8 == "number") && (!(data8 % 1) && !isNaN(data8))) && (isFinite(data8)))){
validate24.errors = [{instancePath:instancePath+"/line",schemaPath:"#/properties/line/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs20){
if((typeof data8 == "number") && (isFinite(data8))){
if(data8 < 1 || isNaN(data8)){
validate24.errors = [{instancePath:instancePath+"/line",schemaPath:"#/properties/line/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid0 = _errs20 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
else {
validate24.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate24.errors = vErrors;
return errors === 0;
}
validate24.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate23(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate23.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((((((((((((data.id === undefined) && (missing0 = "id")) || ((data.kind === undefined) && (missing0 = "kind"))) || ((data.title === undefined) && (missing0 = "title"))) || ((data.topic === undefined) && (missing0 = "topic"))) || ((data.topicId === undefined) && (missing0 = "topicId"))) || ((data.document === undefined) && (missing0 = "document"))) || ((data.documentId === undefined) && (missing0 = "documentId"))) || ((data.answer === undefined) && (missing0 = "answer"))) || ((data.tables === undefined) && (missing0 = "tables"))) || ((data.callouts === undefined) && (missing0 = "callouts"))) || ((data.tags === undefined) && (missing0 = "tags"))) || ((data.source === undefined) && (missing0 = "source"))){
validate23.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(func2.call(schema38.properties, key0))){
validate23.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.id !== undefined){
let data0 = data.id;
const _errs2 = errors;
const _errs3 = errors;
if(errors === _errs3){
if(typeof data0 === "string"){
if(!pattern4.test(data0)){
validate23.errors = [{instancePath:instancePath+"/id",schemaPath:"#/$defs/id/pattern",keyword:"pattern",params:{pattern: "^[a-z]-[0-9a-f]{16}$"},message:"must match pattern \""+"^[a-z]-[0-9a-f]{16}$"+"\""}];
return false;
}
}
else {
validate23.errors = [{instancePath:instancePath+"/id",schemaPath:"#/$defs/id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.kind !== undefined){
let data1 = data.kind;
const _errs5 = errors;
if(!((data1 === "question") || (data1 === "overview"))){
validate23.errors = [{instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/enum",keyword:"enum",params:{allowedValues: schema38.properties.kind.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.title !== undefined){
const _errs6 = errors;
if(typeof data.title !== "string"){
validate23.errors = [{instancePath:instancePath+"/title",schemaPath:"#/properties/title/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.topic !== undefined){
let data3 = data.topic;
const _errs8 = errors;
if((typeof data3 !== "string") && (data3 !== null)){
validate23.errors = [{instancePath:instancePath+"/topic",schemaPath:"#/properties/topic/type",keyword:"type",params:{type: schema38.properties.topic.type},message:"must be string,null"}];
return false;
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.topicId !== undefined){
let data4 = data.topicId;
const _errs10 = errors;
const _errs11 = errors;
let valid2 = false;
let passing0 = null;
const _errs12 = errors;
const _errs13 = errors;
if(errors === _errs13){
if(typeof data4 === "string"){
if(!pattern4.test(data4)){
const err0 = {instancePath:instancePath+"/topicId",schemaPath:"#/$defs/id/pattern",keyword:"pattern",params:{pattern: "^[a-z]-[0-9a-f]{16}$"},message:"must match pattern \""+"^[a-z]-[0-9a-f]{16}$"+"\""};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
else {
const err1 = {instancePath:instancePath+"/topicId",schemaPath:"#/$defs/id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
var _valid0 = _errs12 === errors;
if(_valid0){
valid2 = true;
passing0 = 0;
}
const _errs15 = errors;
if(data4 !== null){
const err2 = {instancePath:instancePath+"/topicId",schemaPath:"#/properties/topicId/oneOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
var _valid0 = _errs15 === errors;
if(_valid0 && valid2){
valid2 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid2 = true;
passing0 = 1;
}
}
if(!valid2){
const err3 = {instancePath:instancePath+"/topicId",schemaPath:"#/properties/topicId/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
validate23.errors = vErrors;
return false;
}
else {
errors = _errs11;
if(vErrors !== null){
if(_errs11){
vErrors.length = _errs11;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs10 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.document !== undefined){
const _errs17 = errors;
if(typeof data.document !== "string"){
validate23.errors = [{instancePath:instancePath+"/document",schemaPath:"#/properties/document/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs17 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.documentId !== undefined){
let data6 = data.documentId;
const _errs19 = errors;
const _errs20 = errors;
if(errors === _errs20){
if(typeof data6 === "string"){
if(!pattern4.test(data6)){
validate23.errors = [{instancePath:instancePath+"/documentId",schemaPath:"#/$defs/id/pattern",keyword:"pattern",params:{pattern: "^[a-z]-[0-9a-f]{16}$"},message:"must match pattern \""+"^[a-z]-[0-9a-f]{16}$"+"\""}];
return false;
}
}
else {
validate23.errors = [{instancePath:instancePath+"/documentId",schemaPath:"#/$defs/id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs19 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.answer !== undefined){
let data7 = data.answer;
const _errs22 = errors;
if(errors === _errs22){
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
let missing1;
if(((data7.markdown === undefined) && (missing1 = "markdown")) || ((data7.text === undefined) && (missing1 = "text"))){
validate23.errors = [{instancePath:instancePath+"/answer",schemaPath:"#/properties/answer/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"}];
return false;
}
else {
const _errs24 = errors;
for(const key1 in data7){
if(!((key1 === "markdown") || (key1 === "text"))){
validate23.errors = [{instancePath:instancePath+"/answer",schemaPath:"#/properties/answer/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs24 === errors){
if(data7.markdown !== undefined){
const _errs25 = errors;
if(typeof data7.markdown !== "string"){
validate23.errors = [{instancePath:instancePath+"/answer/markdown",schemaPath:"#/properties/answer/properties/markdown/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid5 = _errs25 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data7.text !== undefined){
const _errs27 = errors;
if(typeof data7.text !== "string"){
validate23.errors = [{instancePath:instancePath+"/answer/text",schemaPath:"#/properties/answer/properties/text/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid5 = _errs27 === errors;
}
else {
var valid5 = true;
}
}
}
}
}
else {
validate23.errors = [{instancePath:instancePath+"/answer",schemaPath:"#/properties/answer/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs22 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.tables !== undefined){
let data10 = data.tables;
const _errs29 = errors;
if(errors === _errs29){
if(Array.isArray(data10)){
var valid6 = true;
const len0 = data10.length;
for(let i0=0; i0<len0; i0++){
const _errs31 = errors;
if(!(validate24(data10[i0], {instancePath:instancePath+"/tables/" + i0,parentData:data10,parentDataProperty:i0,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate24.errors : vErrors.concat(validate24.errors);
errors = vErrors.length;
}
var valid6 = _errs31 === errors;
if(!valid6){
break;
}
}
}
else {
validate23.errors = [{instancePath:instancePath+"/tables",schemaPath:"#/properties/tables/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs29 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.callouts !== undefined){
let data12 = data.callouts;
const _errs32 = errors;
if(errors === _errs32){
if(Array.isArray(data12)){
var valid7 = true;
const len1 = data12.length;
for(let i1=0; i1<len1; i1++){
let data13 = data12[i1];
const _errs34 = errors;
const _errs35 = errors;
if(errors === _errs35){
if(data13 && typeof data13 == "object" && !Array.isArray(data13)){
let missing2;
if(((((data13.label === undefined) && (missing2 = "label")) || ((data13.markdown === undefined) && (missing2 = "markdown"))) || ((data13.text === undefined) && (missing2 = "text"))) || ((data13.line === undefined) && (missing2 = "line"))){
validate23.errors = [{instancePath:instancePath+"/callouts/" + i1,schemaPath:"#/$defs/callout/required",keyword:"required",params:{missingProperty: missing2},message:"must have required property '"+missing2+"'"}];
return false;
}
else {
const _errs37 = errors;
for(const key2 in data13){
if(!((((key2 === "label") || (key2 === "markdown")) || (key2 === "text")) || (key2 === "line"))){
validate23.errors = [{instancePath:instancePath+"/callouts/" + i1,schemaPath:"#/$defs/callout/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs37 === errors){
if(data13.label !== undefined){
let data14 = data13.label;
const _errs38 = errors;
if((typeof data14 !== "string") && (data14 !== null)){
validate23.errors = [{instancePath:instancePath+"/callouts/" + i1+"/label",schemaPath:"#/$defs/callout/properties/label/type",keyword:"type",params:{type: schema44.properties.label.type},message:"must be string,null"}];
return false;
}
var valid9 = _errs38 === errors;
}
else {
var valid9 = true;
}
if(valid9){
if(data13.markdown !== undefined){
const _errs40 = errors;
if(typeof data13.markdown !== "string"){
validate23.errors = [{instancePath:instancePath+"/callouts/" + i1+"/markdown",schemaPath:"#/$defs/callout/properties/markdown/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid9 = _errs40 === errors;
}
else {
var valid9 = true;
}
if(valid9){
if(data13.text !== undefined){
const _errs42 = errors;
if(typeof data13.text !== "string"){
validate23.errors = [{instancePath:instancePath+"/callouts/" + i1+"/text",schemaPath:"#/$defs/callout/properties/text/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid9 = _errs42 === errors;
}
else {
var valid9 = true;
}
if(valid9){
if(data13.line !== undefined){
let data17 = data13.line;
const _errs44 = errors;
if(!(((typeof data17 == "number") && (!(data17 % 1) && !isNaN(data17))) && (isFinite(data17)))){
validate23.errors = [{instancePath:instancePath+"/callouts/" + i1+"/line",schemaPath:"#/$defs/callout/properties/line/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs44){
if((typeof data17 == "number") && (isFinite(data17))){
if(data17 < 1 || isNaN(data17)){
validate23.errors = [{instancePath:instancePath+"/callouts/" + i1+"/line",schemaPath:"#/$defs/callout/properties/line/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid9 = _errs44 === errors;
}
else {
var valid9 = true;
}
}
}
}
}
}
}
else {
validate23.errors = [{instancePath:instancePath+"/callouts/" + i1,schemaPath:"#/$defs/callout/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid7 = _errs34 === errors;
if(!valid7){
break;
}
}
}
else {
validate23.errors = [{instancePath:instancePath+"/callouts",schemaPath:"#/properties/callouts/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs32 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.clozes !== undefined){
let data18 = data.clozes;
const _errs46 = errors;
if(errors === _errs46){
if(Array.isArray(data18)){
var valid10 = true;
const len2 = data18.length;
for(let i2=0; i2<len2; i2++){
let data19 = data18[i2];
const _errs48 = errors;
const _errs49 = errors;
if(errors === _errs49){
if(data19 && typeof data19 == "object" && !Array.isArray(data19)){
let missing3;
if((((((((data19.group === undefined) && (missing3 = "group")) || ((data19.explicit === undefined) && (missing3 = "explicit"))) || ((data19.syntax === undefined) && (missing3 = "syntax"))) || ((data19.text === undefined) && (missing3 = "text"))) || ((data19.hint === undefined) && (missing3 = "hint"))) || ((data19.line === undefined) && (missing3 = "line"))) || ((data19.column === undefined) && (missing3 = "column"))){
validate23.errors = [{instancePath:instancePath+"/clozes/" + i2,schemaPath:"#/$defs/cloze/required",keyword:"required",params:{missingProperty: missing3},message:"must have required property '"+missing3+"'"}];
return false;
}
else {
const _errs51 = errors;
for(const key3 in data19){
if(!(((((((key3 === "group") || (key3 === "explicit")) || (key3 === "syntax")) || (key3 === "text")) || (key3 === "hint")) || (key3 === "line")) || (key3 === "column"))){
validate23.errors = [{instancePath:instancePath+"/clozes/" + i2,schemaPath:"#/$defs/cloze/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs51 === errors){
if(data19.group !== undefined){
let data20 = data19.group;
const _errs52 = errors;
if(!(((typeof data20 == "number") && (!(data20 % 1) && !isNaN(data20))) && (isFinite(data20)))){
validate23.errors = [{instancePath:instancePath+"/clozes/" + i2+"/group",schemaPath:"#/$defs/cloze/properties/group/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs52){
if((typeof data20 == "number") && (isFinite(data20))){
if(data20 < 1 || isNaN(data20)){
validate23.errors = [{instancePath:instancePath+"/clozes/" + i2+"/group",schemaPath:"#/$defs/cloze/properties/group/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid12 = _errs52 === errors;
}
else {
var valid12 = true;
}
if(valid12){
if(data19.explicit !== undefined){
const _errs54 = errors;
if(typeof data19.explicit !== "boolean"){
validate23.errors = [{instancePath:instancePath+"/clozes/" + i2+"/explicit",schemaPath:"#/$defs/cloze/properties/explicit/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid12 = _errs54 === errors;
}
else {
var valid12 = true;
}
if(valid12){
if(data19.syntax !== undefined){
let data22 = data19.syntax;
const _errs56 = errors;
if(!((data22 === "highlight") || (data22 === "anki"))){
validate23.errors = [{instancePath:instancePath+"/clozes/" + i2+"/syntax",schemaPath:"#/$defs/cloze/properties/syntax/enum",keyword:"enum",params:{allowedValues: schema45.properties.syntax.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid12 = _errs56 === errors;
}
else {
var valid12 = true;
}
if(valid12){
if(data19.text !== undefined){
const _errs57 = errors;
if(typeof data19.text !== "string"){
validate23.errors = [{instancePath:instancePath+"/clozes/" + i2+"/text",schemaPath:"#/$defs/cloze/properties/text/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid12 = _errs57 === errors;
}
else {
var valid12 = true;
}
if(valid12){
if(data19.hint !== undefined){
let data24 = data19.hint;
const _errs59 = errors;
if((typeof data24 !== "string") && (data24 !== null)){
validate23.errors = [{instancePath:instancePath+"/clozes/" + i2+"/hint",schemaPath:"#/$defs/cloze/properties/hint/type",keyword:"type",params:{type: schema45.properties.hint.type},message:"must be string,null"}];
return false;
}
var valid12 = _errs59 === errors;
}
else {
var valid12 = true;
}
if(valid12){
if(data19.line !== undefined){
let data25 = data19.line;
const _errs61 = errors;
if(!(((typeof data25 == "number") && (!(data25 % 1) && !isNaN(data25))) && (isFinite(data25)))){
validate23.errors = [{instancePath:instancePath+"/clozes/" + i2+"/line",schemaPath:"#/$defs/cloze/properties/line/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs61){
if((typeof data25 == "number") && (isFinite(data25))){
if(data25 < 1 || isNaN(data25)){
validate23.errors = [{instancePath:instancePath+"/clozes/" + i2+"/line",schemaPath:"#/$defs/cloze/properties/line/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid12 = _errs61 === errors;
}
else {
var valid12 = true;
}
if(valid12){
if(data19.column !== undefined){
let data26 = data19.column;
const _errs63 = errors;
if(!(((typeof data26 == "number") && (!(data26 % 1) && !isNaN(data26))) && (isFinite(data26)))){
validate23.errors = [{instancePath:instancePath+"/clozes/" + i2+"/column",schemaPath:"#/$defs/cloze/properties/column/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs63){
if((typeof data26 == "number") && (isFinite(data26))){
if(data26 < 1 || isNaN(data26)){
validate23.errors = [{instancePath:instancePath+"/clozes/" + i2+"/column",schemaPath:"#/$defs/cloze/properties/column/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid12 = _errs63 === errors;
}
else {
var valid12 = true;
}
}
}
}
}
}
}
}
}
}
else {
validate23.errors = [{instancePath:instancePath+"/clozes/" + i2,schemaPath:"#/$defs/cloze/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid10 = _errs48 === errors;
if(!valid10){
break;
}
}
}
else {
validate23.errors = [{instancePath:instancePath+"/clozes",schemaPath:"#/properties/clozes/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs46 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.tags !== undefined){
let data27 = data.tags;
const _errs65 = errors;
if(errors === _errs65){
if(Array.isArray(data27)){
var valid13 = true;
const len3 = data27.length;
for(let i3=0; i3<len3; i3++){
let data28 = data27[i3];
const _errs67 = errors;
const _errs68 = errors;
if(errors === _errs68){
if(typeof data28 === "string"){
if(!pattern6.test(data28)){
validate23.errors = [{instancePath:instancePath+"/tags/" + i3,schemaPath:"#/$defs/tag/pattern",keyword:"pattern",params:{pattern: "^[^\\s]+$"},message:"must match pattern \""+"^[^\\s]+$"+"\""}];
return false;
}
}
else {
validate23.errors = [{instancePath:instancePath+"/tags/" + i3,schemaPath:"#/$defs/tag/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid13 = _errs67 === errors;
if(!valid13){
break;
}
}
}
else {
validate23.errors = [{instancePath:instancePath+"/tags",schemaPath:"#/properties/tags/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs65 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.source !== undefined){
let data29 = data.source;
const _errs70 = errors;
const _errs71 = errors;
if(errors === _errs71){
if(data29 && typeof data29 == "object" && !Array.isArray(data29)){
let missing4;
if((((data29.path === undefined) && (missing4 = "path")) || ((data29.line === undefined) && (missing4 = "line"))) || ((data29.endLine === undefined) && (missing4 = "endLine"))){
validate23.errors = [{instancePath:instancePath+"/source",schemaPath:"#/$defs/source/required",keyword:"required",params:{missingProperty: missing4},message:"must have required property '"+missing4+"'"}];
return false;
}
else {
const _errs73 = errors;
for(const key4 in data29){
if(!(((key4 === "path") || (key4 === "line")) || (key4 === "endLine"))){
validate23.errors = [{instancePath:instancePath+"/source",schemaPath:"#/$defs/source/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs73 === errors){
if(data29.path !== undefined){
const _errs74 = errors;
if(typeof data29.path !== "string"){
validate23.errors = [{instancePath:instancePath+"/source/path",schemaPath:"#/$defs/source/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid16 = _errs74 === errors;
}
else {
var valid16 = true;
}
if(valid16){
if(data29.line !== undefined){
let data31 = data29.line;
const _errs76 = errors;
if(!(((typeof data31 == "number") && (!(data31 % 1) && !isNaN(data31))) && (isFinite(data31)))){
validate23.errors = [{instancePath:instancePath+"/source/line",schemaPath:"#/$defs/source/properties/line/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs76){
if((typeof data31 == "number") && (isFinite(data31))){
if(data31 < 1 || isNaN(data31)){
validate23.errors = [{instancePath:instancePath+"/source/line",schemaPath:"#/$defs/source/properties/line/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid16 = _errs76 === errors;
}
else {
var valid16 = true;
}
if(valid16){
if(data29.endLine !== undefined){
let data32 = data29.endLine;
const _errs78 = errors;
if(!(((typeof data32 == "number") && (!(data32 % 1) && !isNaN(data32))) && (isFinite(data32)))){
validate23.errors = [{instancePath:instancePath+"/source/endLine",schemaPath:"#/$defs/source/properties/endLine/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs78){
if((typeof data32 == "number") && (isFinite(data32))){
if(data32 < 1 || isNaN(data32)){
validate23.errors = [{instancePath:instancePath+"/source/endLine",schemaPath:"#/$defs/source/properties/endLine/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid16 = _errs78 === errors;
}
else {
var valid16 = true;
}
}
}
}
}
}
else {
validate23.errors = [{instancePath:instancePath+"/source",schemaPath:"#/$defs/source/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs70 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.math !== undefined){
let data33 = data.math;
const _errs80 = errors;
if(errors === _errs80){
if(Array.isArray(data33)){
if(data33.length < 1){
validate23.errors = [{instancePath:instancePath+"/math",schemaPath:"#/properties/math/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"}];
return false;
}
else {
var valid17 = true;
const len4 = data33.length;
for(let i4=0; i4<len4; i4++){
let data34 = data33[i4];
const _errs82 = errors;
const _errs83 = errors;
if(errors === _errs83){
if(data34 && typeof data34 == "object" && !Array.isArray(data34)){
let missing5;
if(((((data34.type === undefined) && (missing5 = "type")) || ((data34.display === undefined) && (missing5 = "display"))) || ((data34.tex === undefined) && (missing5 = "tex"))) || ((data34.line === undefined) && (missing5 = "line"))){
validate23.errors = [{instancePath:instancePath+"/math/" + i4,schemaPath:"#/$defs/math/required",keyword:"required",params:{missingProperty: missing5},message:"must have required property '"+missing5+"'"}];
return false;
}
else {
const _errs85 = errors;
for(const key5 in data34){
if(!((((key5 === "type") || (key5 === "display")) || (key5 === "tex")) || (key5 === "line"))){
validate23.errors = [{instancePath:instancePath+"/math/" + i4,schemaPath:"#/$defs/math/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs85 === errors){
if(data34.type !== undefined){
const _errs86 = errors;
if("math" !== data34.type){
validate23.errors = [{instancePath:instancePath+"/math/" + i4+"/type",schemaPath:"#/$defs/math/properties/type/const",keyword:"const",params:{allowedValue: "math"},message:"must be equal to constant"}];
return false;
}
var valid19 = _errs86 === errors;
}
else {
var valid19 = true;
}
if(valid19){
if(data34.display !== undefined){
const _errs87 = errors;
if(typeof data34.display !== "boolean"){
validate23.errors = [{instancePath:instancePath+"/math/" + i4+"/display",schemaPath:"#/$defs/math/properties/display/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid19 = _errs87 === errors;
}
else {
var valid19 = true;
}
if(valid19){
if(data34.tex !== undefined){
const _errs89 = errors;
if(typeof data34.tex !== "string"){
validate23.errors = [{instancePath:instancePath+"/math/" + i4+"/tex",schemaPath:"#/$defs/math/properties/tex/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid19 = _errs89 === errors;
}
else {
var valid19 = true;
}
if(valid19){
if(data34.line !== undefined){
let data38 = data34.line;
const _errs91 = errors;
if(!(((typeof data38 == "number") && (!(data38 % 1) && !isNaN(data38))) && (isFinite(data38)))){
validate23.errors = [{instancePath:instancePath+"/math/" + i4+"/line",schemaPath:"#/$defs/math/properties/line/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs91){
if((typeof data38 == "number") && (isFinite(data38))){
if(data38 < 1 || isNaN(data38)){
validate23.errors = [{instancePath:instancePath+"/math/" + i4+"/line",schemaPath:"#/$defs/math/properties/line/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid19 = _errs91 === errors;
}
else {
var valid19 = true;
}
}
}
}
}
}
}
else {
validate23.errors = [{instancePath:instancePath+"/math/" + i4,schemaPath:"#/$defs/math/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid17 = _errs82 === errors;
if(!valid17){
break;
}
}
}
}
else {
validate23.errors = [{instancePath:instancePath+"/math",schemaPath:"#/properties/math/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs80 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.images !== undefined){
let data39 = data.images;
const _errs93 = errors;
if(errors === _errs93){
if(Array.isArray(data39)){
if(data39.length < 1){
validate23.errors = [{instancePath:instancePath+"/images",schemaPath:"#/properties/images/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"}];
return false;
}
else {
var valid20 = true;
const len5 = data39.length;
for(let i5=0; i5<len5; i5++){
let data40 = data39[i5];
const _errs95 = errors;
const _errs96 = errors;
if(errors === _errs96){
if(data40 && typeof data40 == "object" && !Array.isArray(data40)){
let missing6;
if(((((data40.type === undefined) && (missing6 = "type")) || ((data40.alt === undefined) && (missing6 = "alt"))) || ((data40.url === undefined) && (missing6 = "url"))) || ((data40.line === undefined) && (missing6 = "line"))){
validate23.errors = [{instancePath:instancePath+"/images/" + i5,schemaPath:"#/$defs/image/required",keyword:"required",params:{missingProperty: missing6},message:"must have required property '"+missing6+"'"}];
return false;
}
else {
const _errs98 = errors;
for(const key6 in data40){
if(!(func2.call(schema49.properties, key6))){
validate23.errors = [{instancePath:instancePath+"/images/" + i5,schemaPath:"#/$defs/image/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs98 === errors){
if(data40.type !== undefined){
const _errs99 = errors;
if("image" !== data40.type){
validate23.errors = [{instancePath:instancePath+"/images/" + i5+"/type",schemaPath:"#/$defs/image/properties/type/const",keyword:"const",params:{allowedValue: "image"},message:"must be equal to constant"}];
return false;
}
var valid22 = _errs99 === errors;
}
else {
var valid22 = true;
}
if(valid22){
if(data40.alt !== undefined){
const _errs100 = errors;
if(typeof data40.alt !== "string"){
validate23.errors = [{instancePath:instancePath+"/images/" + i5+"/alt",schemaPath:"#/$defs/image/properties/alt/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid22 = _errs100 === errors;
}
else {
var valid22 = true;
}
if(valid22){
if(data40.url !== undefined){
const _errs102 = errors;
if(typeof data40.url !== "string"){
validate23.errors = [{instancePath:instancePath+"/images/" + i5+"/url",schemaPath:"#/$defs/image/properties/url/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid22 = _errs102 === errors;
}
else {
var valid22 = true;
}
if(valid22){
if(data40.line !== undefined){
let data44 = data40.line;
const _errs104 = errors;
if(!(((typeof data44 == "number") && (!(data44 % 1) && !isNaN(data44))) && (isFinite(data44)))){
validate23.errors = [{instancePath:instancePath+"/images/" + i5+"/line",schemaPath:"#/$defs/image/properties/line/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs104){
if((typeof data44 == "number") && (isFinite(data44))){
if(data44 < 1 || isNaN(data44)){
validate23.errors = [{instancePath:instancePath+"/images/" + i5+"/line",schemaPath:"#/$defs/image/properties/line/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid22 = _errs104 === errors;
}
else {
var valid22 = true;
}
if(valid22){
if(data40.path !== undefined){
const _errs106 = errors;
if(typeof data40.path !== "string"){
validate23.errors = [{instancePath:instancePath+"/images/" + i5+"/path",schemaPath:"#/$defs/image/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid22 = _errs106 === errors;
}
else {
var valid22 = true;
}
if(valid22){
if(data40.size !== undefined){
let data46 = data40.size;
const _errs108 = errors;
if(!(((typeof data46 == "number") && (!(data46 % 1) && !isNaN(data46))) && (isFinite(data46)))){
validate23.errors = [{instancePath:instancePath+"/images/" + i5+"/size",schemaPath:"#/$defs/image/properties/size/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs108){
if((typeof data46 == "number") && (isFinite(data46))){
if(data46 < 0 || isNaN(data46)){
validate23.errors = [{instancePath:instancePath+"/images/" + i5+"/size",schemaPath:"#/$defs/image/properties/size/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid22 = _errs108 === errors;
}
else {
var valid22 = true;
}
if(valid22){
if(data40.sha256 !== undefined){
let data47 = data40.sha256;
const _errs110 = errors;
if(errors === _errs110){
if(typeof data47 === "string"){
if(!pattern13.test(data47)){
validate23.errors = [{instancePath:instancePath+"/images/" + i5+"/sha256",schemaPath:"#/$defs/image/properties/sha256/pattern",keyword:"pattern",params:{pattern: "^[0-9a-f]{64}$"},message:"must match pattern \""+"^[0-9a-f]{64}$"+"\""}];
return false;
}
}
else {
validate23.errors = [{instancePath:instancePath+"/images/" + i5+"/sha256",schemaPath:"#/$defs/image/properties/sha256/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid22 = _errs110 === errors;
}
else {
var valid22 = true;
}
if(valid22){
if(data40.format !== undefined){
let data48 = data40.format;
const _errs112 = errors;
if(!((((data48 === "png") || (data48 === "jpeg")) || (data48 === "gif")) || (data48 === "svg"))){
validate23.errors = [{instancePath:instancePath+"/images/" + i5+"/format",schemaPath:"#/$defs/image/properties/format/enum",keyword:"enum",params:{allowedValues: schema49.properties.format.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid22 = _errs112 === errors;
}
else {
var valid22 = true;
}
if(valid22){
if(data40.width !== undefined){
let data49 = data40.width;
const _errs113 = errors;
if(!(((typeof data49 == "number") && (!(data49 % 1) && !isNaN(data49))) && (isFinite(data49)))){
validate23.errors = [{instancePath:instancePath+"/images/" + i5+"/width",schemaPath:"#/$defs/image/properties/width/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs113){
if((typeof data49 == "number") && (isFinite(data49))){
if(data49 < 1 || isNaN(data49)){
validate23.errors = [{instancePath:instancePath+"/images/" + i5+"/width",schemaPath:"#/$defs/image/properties/width/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid22 = _errs113 === errors;
}
else {
var valid22 = true;
}
if(valid22){
if(data40.height !== undefined){
let data50 = data40.height;
const _errs115 = errors;
if(!(((typeof data50 == "number") && (!(data50 % 1) && !isNaN(data50))) && (isFinite(data50)))){
validate23.errors = [{instancePath:instancePath+"/images/" + i5+"/height",schemaPath:"#/$defs/image/properties/height/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs115){
if((typeof data50 == "number") && (isFinite(data50))){
if(data50 < 1 || isNaN(data50)){
validate23.errors = [{instancePath:instancePath+"/images/" + i5+"/height",schemaPath:"#/$defs/image/properties/height/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid22 = _errs115 === errors;
}
else {
var valid22 = true;
}
if(valid22){
if(data40.problem !== undefined){
const _errs117 = errors;
if(typeof data40.problem !== "string"){
validate23.errors = [{instancePath:instancePath+"/images/" + i5+"/problem",schemaPath:"#/$defs/image/properties/problem/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid22 = _errs117 === errors;
}
else {
var valid22 = true;
}
}
}
}
}
}
}
}
}
}
}
}
}
}
else {
validate23.errors = [{instancePath:instancePath+"/images/" + i5,schemaPath:"#/$defs/image/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid20 = _errs95 === errors;
if(!valid20){
break;
}
}
}
}
else {
validate23.errors = [{instancePath:instancePath+"/images",schemaPath:"#/properties/images/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs93 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
else {
validate23.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate23.errors = vErrors;
return errors === 0;
}
validate23.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate20(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://notes.dev/schemas/notes.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate20.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((data.schemaVersion === undefined) && (missing0 = "schemaVersion")) || ((data.documents === undefined) && (missing0 = "documents"))) || ((data.notes === undefined) && (missing0 = "notes"))){
validate20.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((((key0 === "$schema") || (key0 === "schemaVersion")) || (key0 === "documents")) || (key0 === "notes"))){
validate20.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.$schema !== undefined){
const _errs2 = errors;
if(typeof data.$schema !== "string"){
validate20.errors = [{instancePath:instancePath+"/$schema",schemaPath:"#/properties/%24schema/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.schemaVersion !== undefined){
const _errs4 = errors;
if(1 !== data.schemaVersion){
validate20.errors = [{instancePath:instancePath+"/schemaVersion",schemaPath:"#/properties/schemaVersion/const",keyword:"const",params:{allowedValue: 1},message:"must be equal to constant"}];
return false;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.documents !== undefined){
let data2 = data.documents;
const _errs5 = errors;
if(errors === _errs5){
if(Array.isArray(data2)){
var valid1 = true;
const len0 = data2.length;
for(let i0=0; i0<len0; i0++){
const _errs7 = errors;
if(!(validate21(data2[i0], {instancePath:instancePath+"/documents/" + i0,parentData:data2,parentDataProperty:i0,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
var valid1 = _errs7 === errors;
if(!valid1){
break;
}
}
}
else {
validate20.errors = [{instancePath:instancePath+"/documents",schemaPath:"#/properties/documents/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.notes !== undefined){
let data4 = data.notes;
const _errs8 = errors;
if(errors === _errs8){
if(Array.isArray(data4)){
var valid2 = true;
const len1 = data4.length;
for(let i1=0; i1<len1; i1++){
const _errs10 = errors;
if(!(validate23(data4[i1], {instancePath:instancePath+"/notes/" + i1,parentData:data4,parentDataProperty:i1,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate23.errors : vErrors.concat(validate23.errors);
errors = vErrors.length;
}
var valid2 = _errs10 === errors;
if(!valid2){
break;
}
}
}
else {
validate20.errors = [{instancePath:instancePath+"/notes",schemaPath:"#/properties/notes/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
else {
validate20.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate20.errors = vErrors;
return errors === 0;
}
validate20.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

/** Validates a value against schemas/notes.schema.json; on failure its `errors` are ajv's. */
export const validate = validate20 as unknown as ((data: unknown) => data is NotesDataset) & { errors?: ErrorObject[] | null };
