/**
 * Single-byte code pages as data: the characters for bytes 0x80-0xFF, one string of 128 per code page.
 * U+0000 marks a byte the code page leaves undefined (such bytes are lost, or shown as `?`, U+FFFD or the
 * C1 control of the same value, when UTF-8 is misread). Generated once from Python's codecs; do not edit by hand.
 */

/** A code page: its name and the characters for bytes 0x80-0xFF (U+0000 = undefined). */
export interface CodePage {
  readonly name: string;
  readonly high: string;
}

/** windows-1252 */
export const cp1252: CodePage = {
  name: 'windows-1252',
  high: '€\u0000‚ƒ„…†‡ˆ‰Š‹Œ\u0000Ž\u0000\u0000‘’“”•–—˜™š›œ\u0000žŸ\u00a0¡¢£¤¥¦§¨©ª«¬\u00ad®¯°±²³´µ¶·¸¹º»¼½¾¿ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ',
};

/** windows-1250 */
export const cp1250: CodePage = {
  name: 'windows-1250',
  high: '€\u0000‚\u0000„…†‡\u0000‰Š‹ŚŤŽŹ\u0000‘’“”•–—\u0000™š›śťžź\u00a0ˇ˘Ł¤Ą¦§¨©Ş«¬\u00ad®Ż°±˛ł´µ¶·¸ąş»Ľ˝ľżŔÁÂĂÄĹĆÇČÉĘËĚÍÎĎĐŃŇÓÔŐÖ×ŘŮÚŰÜÝŢßŕáâăäĺćçčéęëěíîďđńňóôőö÷řůúűüýţ˙',
};

/** windows-1251 */
export const cp1251: CodePage = {
  name: 'windows-1251',
  high: 'ЂЃ‚ѓ„…†‡€‰Љ‹ЊЌЋЏђ‘’“”•–—\u0000™љ›њќћџ\u00a0ЎўЈ¤Ґ¦§Ё©Є«¬\u00ad®Ї°±Ііґµ¶·ё№є»јЅѕїАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдежзийклмнопрстуфхцчшщъыьэюя',
};

/** mac-roman */
export const macRoman: CodePage = {
  name: 'mac-roman',
  high: 'ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø¿¡¬√ƒ≈∆«»…\u00a0ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\uf8ffÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ',
};

/** iso-8859-2 */
export const latin2: CodePage = {
  name: 'iso-8859-2',
  high: '\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008a\u008b\u008c\u008d\u008e\u008f\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009a\u009b\u009c\u009d\u009e\u009f\u00a0Ą˘Ł¤ĽŚ§¨ŠŞŤŹ\u00adŽŻ°ą˛ł´ľśˇ¸šşťź˝žżŔÁÂĂÄĹĆÇČÉĘËĚÍÎĎĐŃŇÓÔŐÖ×ŘŮÚŰÜÝŢßŕáâăäĺćçčéęëěíîďđńňóôőö÷řůúűüýţ˙',
};

/** windows-1253 */
export const cp1253: CodePage = {
  name: 'windows-1253',
  high: '€\u0000‚ƒ„…†‡\u0000‰\u0000‹\u0000\u0000\u0000\u0000\u0000‘’“”•–—\u0000™\u0000›\u0000\u0000\u0000\u0000\u00a0΅Ά£¤¥¦§¨©\u0000«¬\u00ad®―°±²³΄µ¶·ΈΉΊ»Ό½ΎΏΐΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡ\u0000ΣΤΥΦΧΨΩΪΫάέήίΰαβγδεζηθικλμνξοπρςστυφχψωϊϋόύώ\u0000',
};

/** windows-1254 */
export const cp1254: CodePage = {
  name: 'windows-1254',
  high: '€\u0000‚ƒ„…†‡ˆ‰Š‹Œ\u0000\u0000\u0000\u0000‘’“”•–—˜™š›œ\u0000\u0000Ÿ\u00a0¡¢£¤¥¦§¨©ª«¬\u00ad®¯°±²³´µ¶·¸¹º»¼½¾¿ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏĞÑÒÓÔÕÖ×ØÙÚÛÜİŞßàáâãäåæçèéêëìíîïğñòóôõö÷øùúûüışÿ',
};

/** windows-1257 */
export const cp1257: CodePage = {
  name: 'windows-1257',
  high: '€\u0000‚\u0000„…†‡\u0000‰\u0000‹\u0000¨ˇ¸\u0000‘’“”•–—\u0000™\u0000›\u0000¯˛\u0000\u00a0\u0000¢£¤\u0000¦§Ø©Ŗ«¬\u00ad®Æ°±²³´µ¶·ø¹ŗ»¼½¾æĄĮĀĆÄÅĘĒČÉŹĖĢĶĪĻŠŃŅÓŌÕÖ×ŲŁŚŪÜŻŽßąįāćäåęēčéźėģķīļšńņóōõö÷ųłśūüżž˙',
};

/** cp437 (the DOS/Windows console): its 2-byte readings all start with a box-drawing character, so only
 * complete 3- and 4-byte sequences (`ΓÇÖ` for `’`) count as evidence. */
export const cp437: CodePage = {
  name: 'cp437',
  high: 'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0',
};

/** Every code page tried, most common misreading first (ties in a document are broken by this order). */
export const CODE_PAGES: readonly CodePage[] = [
  cp1252,
  cp1250,
  cp1251,
  macRoman,
  latin2,
  cp1257,
  cp1254,
  cp1253,
  cp437,
];
