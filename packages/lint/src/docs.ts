/** Where a rule is documented: its anchor in the @notes/lint README (the rule table). */
export function ruleDocsUrl(ruleId: string): string {
  return `https://www.npmjs.com/package/@notes/lint#${ruleId.replace('/', '')}`;
}
