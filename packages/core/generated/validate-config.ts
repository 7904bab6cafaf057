// Generated from schemas/config.schema.json by scripts/generate-schema-types.mjs (ajv standalone code, options {"allErrors":true,"strict":false}).
// Do not edit: edit the schema and run `npm run generate`.
// @ts-nocheck
/* eslint-disable */
import type { ErrorObject } from 'ajv';
import type { NotesConfig } from './config-schema.js';

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

const schema31 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://notes.dev/schemas/config.schema.json","title":"NotesConfig","description":"notes.config.json: found by walking up from the working directory.","type":"object","additionalProperties":false,"properties":{"$schema":{"type":"string"},"rules":{"type":"object","description":"Rule id (`category/name`) to severity, or [severity, options].","propertyNames":{"pattern":"^[a-z]+/[a-z0-9-]+$"},"additionalProperties":{"oneOf":[{"$ref":"#/$defs/severity"},{"type":"array","prefixItems":[{"$ref":"#/$defs/severity"},{"type":"object"}],"minItems":1,"maxItems":2,"items":false}]}},"frontMatter":{"type":"object","additionalProperties":false,"description":"Front-matter requirements checked by fields/front-matter.","properties":{"required":{"type":"array","items":{"type":"string"},"uniqueItems":true},"schema":{"type":"string","description":"Path (relative to the config file) of a JSON Schema for the front matter."}}},"ignores":{"type":"array","items":{"type":"string"},"description":"Path globs to skip."},"limits":{"type":"object","additionalProperties":false,"properties":{"maxFileBytes":{"type":"integer","minimum":1,"description":"Larger files are refused early with a clear message (default 16 MiB = 16777216). Files are parsed in linear time."}}},"anki":{"type":"object","additionalProperties":false,"description":"The Anki deck (`notes export --anki`).","properties":{"deck":{"type":"string","minLength":1,"description":"Deck name pattern: `{title}` (the document title, or its front-matter `deck`), `{topic}`, `{folder}` (the file's folder, one deck level per folder) and `{file}`, joined by `::`. Default `{title}::{topic}`."},"reverse":{"type":"boolean","description":"Reverse cards (the row's values on the front, its label on the back) for every comparison row. Default false; a document, topic or question can opt in on its own (export-anki README)."},"comparisons":{"type":"boolean","description":"Cards for comparison-table rows. Default true."},"css":{"type":"string","minLength":1,"description":"Path (relative to the config file) of a CSS file appended to the card styles of every note type."},"idMap":{"description":"Path (relative to the config file) of the id map that keeps GUIDs across renames and lists notes gone since the last export, or false for none. Default `notes.anki-ids.json` beside the config (commit it); without a config file, beside the deck in the output folder.","oneOf":[{"type":"string","minLength":1},{"const":false}]}}}},"$defs":{"severity":{"enum":["off","warning","error"]}}};
const schema32 = {"enum":["off","warning","error"]};
const pattern4 = new RegExp("^[a-z]+/[a-z0-9-]+$", "u");
const func1 = ajvRuntime0;

function validate20(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://notes.dev/schemas/config.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate20.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!((((((key0 === "$schema") || (key0 === "rules")) || (key0 === "frontMatter")) || (key0 === "ignores")) || (key0 === "limits")) || (key0 === "anki"))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.$schema !== undefined){
if(typeof data.$schema !== "string"){
const err1 = {instancePath:instancePath+"/$schema",schemaPath:"#/properties/%24schema/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.rules !== undefined){
let data1 = data.rules;
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
for(const key1 in data1){
const _errs6 = errors;
if(typeof key1 === "string"){
if(!pattern4.test(key1)){
const err2 = {instancePath:instancePath+"/rules",schemaPath:"#/properties/rules/propertyNames/pattern",keyword:"pattern",params:{pattern: "^[a-z]+/[a-z0-9-]+$"},message:"must match pattern \""+"^[a-z]+/[a-z0-9-]+$"+"\"",propertyName:key1};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
var valid1 = _errs6 === errors;
if(!valid1){
const err3 = {instancePath:instancePath+"/rules",schemaPath:"#/properties/rules/propertyNames",keyword:"propertyNames",params:{propertyName: key1},message:"property name must be valid"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
for(const key2 in data1){
let data2 = data1[key2];
const _errs9 = errors;
let valid3 = false;
let passing0 = null;
const _errs10 = errors;
if(!(((data2 === "off") || (data2 === "warning")) || (data2 === "error"))){
const err4 = {instancePath:instancePath+"/rules/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/severity/enum",keyword:"enum",params:{allowedValues: schema32.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
var _valid0 = _errs10 === errors;
if(_valid0){
valid3 = true;
passing0 = 0;
}
const _errs12 = errors;
if(Array.isArray(data2)){
if(data2.length > 2){
const err5 = {instancePath:instancePath+"/rules/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/rules/additionalProperties/oneOf/1/maxItems",keyword:"maxItems",params:{limit: 2},message:"must NOT have more than 2 items"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(data2.length < 1){
const err6 = {instancePath:instancePath+"/rules/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/rules/additionalProperties/oneOf/1/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
const len0 = data2.length;
if(len0 > 0){
let data3 = data2[0];
if(!(((data3 === "off") || (data3 === "warning")) || (data3 === "error"))){
const err7 = {instancePath:instancePath+"/rules/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/0",schemaPath:"#/$defs/severity/enum",keyword:"enum",params:{allowedValues: schema32.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(len0 > 1){
let data4 = data2[1];
if(!(data4 && typeof data4 == "object" && !Array.isArray(data4))){
const err8 = {instancePath:instancePath+"/rules/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/1",schemaPath:"#/properties/rules/additionalProperties/oneOf/1/prefixItems/1/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
const len1 = data2.length;
if(!(len1 <= 2)){
const err9 = {instancePath:instancePath+"/rules/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/rules/additionalProperties/oneOf/1/items",keyword:"items",params:{limit: 2},message:"must NOT have more than 2 items"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
else {
const err10 = {instancePath:instancePath+"/rules/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/rules/additionalProperties/oneOf/1/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
var _valid0 = _errs12 === errors;
if(_valid0 && valid3){
valid3 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid3 = true;
passing0 = 1;
}
}
if(!valid3){
const err11 = {instancePath:instancePath+"/rules/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/rules/additionalProperties/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
else {
errors = _errs9;
if(vErrors !== null){
if(_errs9){
vErrors.length = _errs9;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err12 = {instancePath:instancePath+"/rules",schemaPath:"#/properties/rules/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.frontMatter !== undefined){
let data5 = data.frontMatter;
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
for(const key3 in data5){
if(!((key3 === "required") || (key3 === "schema"))){
const err13 = {instancePath:instancePath+"/frontMatter",schemaPath:"#/properties/frontMatter/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data5.required !== undefined){
let data6 = data5.required;
if(Array.isArray(data6)){
const len2 = data6.length;
for(let i0=0; i0<len2; i0++){
if(typeof data6[i0] !== "string"){
const err14 = {instancePath:instancePath+"/frontMatter/required/" + i0,schemaPath:"#/properties/frontMatter/properties/required/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
let i1 = data6.length;
let j0;
if(i1 > 1){
const indices0 = {};
for(;i1--;){
let item0 = data6[i1];
if(typeof item0 !== "string"){
continue;
}
if(typeof indices0[item0] == "number"){
j0 = indices0[item0];
const err15 = {instancePath:instancePath+"/frontMatter/required",schemaPath:"#/properties/frontMatter/properties/required/uniqueItems",keyword:"uniqueItems",params:{i: i1, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i1+" are identical)"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
break;
}
indices0[item0] = i1;
}
}
}
else {
const err16 = {instancePath:instancePath+"/frontMatter/required",schemaPath:"#/properties/frontMatter/properties/required/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data5.schema !== undefined){
if(typeof data5.schema !== "string"){
const err17 = {instancePath:instancePath+"/frontMatter/schema",schemaPath:"#/properties/frontMatter/properties/schema/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
}
else {
const err18 = {instancePath:instancePath+"/frontMatter",schemaPath:"#/properties/frontMatter/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data.ignores !== undefined){
let data9 = data.ignores;
if(Array.isArray(data9)){
const len3 = data9.length;
for(let i2=0; i2<len3; i2++){
if(typeof data9[i2] !== "string"){
const err19 = {instancePath:instancePath+"/ignores/" + i2,schemaPath:"#/properties/ignores/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
}
else {
const err20 = {instancePath:instancePath+"/ignores",schemaPath:"#/properties/ignores/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data.limits !== undefined){
let data11 = data.limits;
if(data11 && typeof data11 == "object" && !Array.isArray(data11)){
for(const key4 in data11){
if(!(key4 === "maxFileBytes")){
const err21 = {instancePath:instancePath+"/limits",schemaPath:"#/properties/limits/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data11.maxFileBytes !== undefined){
let data12 = data11.maxFileBytes;
if(!((typeof data12 == "number") && (!(data12 % 1) && !isNaN(data12)))){
const err22 = {instancePath:instancePath+"/limits/maxFileBytes",schemaPath:"#/properties/limits/properties/maxFileBytes/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
if(typeof data12 == "number"){
if(data12 < 1 || isNaN(data12)){
const err23 = {instancePath:instancePath+"/limits/maxFileBytes",schemaPath:"#/properties/limits/properties/maxFileBytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
}
}
else {
const err24 = {instancePath:instancePath+"/limits",schemaPath:"#/properties/limits/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data.anki !== undefined){
let data13 = data.anki;
if(data13 && typeof data13 == "object" && !Array.isArray(data13)){
for(const key5 in data13){
if(!(((((key5 === "deck") || (key5 === "reverse")) || (key5 === "comparisons")) || (key5 === "css")) || (key5 === "idMap"))){
const err25 = {instancePath:instancePath+"/anki",schemaPath:"#/properties/anki/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data13.deck !== undefined){
let data14 = data13.deck;
if(typeof data14 === "string"){
if(func1(data14) < 1){
const err26 = {instancePath:instancePath+"/anki/deck",schemaPath:"#/properties/anki/properties/deck/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
else {
const err27 = {instancePath:instancePath+"/anki/deck",schemaPath:"#/properties/anki/properties/deck/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data13.reverse !== undefined){
if(typeof data13.reverse !== "boolean"){
const err28 = {instancePath:instancePath+"/anki/reverse",schemaPath:"#/properties/anki/properties/reverse/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data13.comparisons !== undefined){
if(typeof data13.comparisons !== "boolean"){
const err29 = {instancePath:instancePath+"/anki/comparisons",schemaPath:"#/properties/anki/properties/comparisons/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
if(data13.css !== undefined){
let data17 = data13.css;
if(typeof data17 === "string"){
if(func1(data17) < 1){
const err30 = {instancePath:instancePath+"/anki/css",schemaPath:"#/properties/anki/properties/css/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
else {
const err31 = {instancePath:instancePath+"/anki/css",schemaPath:"#/properties/anki/properties/css/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
if(data13.idMap !== undefined){
let data18 = data13.idMap;
const _errs48 = errors;
let valid15 = false;
let passing1 = null;
const _errs49 = errors;
if(typeof data18 === "string"){
if(func1(data18) < 1){
const err32 = {instancePath:instancePath+"/anki/idMap",schemaPath:"#/properties/anki/properties/idMap/oneOf/0/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
else {
const err33 = {instancePath:instancePath+"/anki/idMap",schemaPath:"#/properties/anki/properties/idMap/oneOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
var _valid1 = _errs49 === errors;
if(_valid1){
valid15 = true;
passing1 = 0;
}
const _errs51 = errors;
if(false !== data18){
const err34 = {instancePath:instancePath+"/anki/idMap",schemaPath:"#/properties/anki/properties/idMap/oneOf/1/const",keyword:"const",params:{allowedValue: false},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
var _valid1 = _errs51 === errors;
if(_valid1 && valid15){
valid15 = false;
passing1 = [passing1, 1];
}
else {
if(_valid1){
valid15 = true;
passing1 = 1;
}
}
if(!valid15){
const err35 = {instancePath:instancePath+"/anki/idMap",schemaPath:"#/properties/anki/properties/idMap/oneOf",keyword:"oneOf",params:{passingSchemas: passing1},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
else {
errors = _errs48;
if(vErrors !== null){
if(_errs48){
vErrors.length = _errs48;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err36 = {instancePath:instancePath+"/anki",schemaPath:"#/properties/anki/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
}
else {
const err37 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
validate20.errors = vErrors;
return errors === 0;
}
validate20.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

/** Validates a value against schemas/config.schema.json; on failure its `errors` are ajv's. */
export const validate = validate20 as unknown as ((data: unknown) => data is NotesConfig) & { errors?: ErrorObject[] | null };
