import { describe, expect, it } from 'vitest';
import { detectLanguage, pageLanguage } from '../../lib/page/language.ts';
import { analyzeInTiers } from '../../lib/background/tiers.ts';
import { cliTiers } from '../../cli/tiers.ts';
import { languageNotice } from '../../lib/format/language.ts';

/** Our own short news item in French (not from any corpus): names in French, one the packs know in English. */
const FRENCH = `Le gouvernement a présenté mardi un nouveau plan pour les ports de la côte atlantique.
Selon le ministre, les échanges avec l'Allemagne et l'Espagne ont augmenté de dix pour cent cette année,
mais les syndicats des dockers de Saint-Clair ont annoncé une grève pour la semaine prochaine. Le président
de la Fédération des ports, Jean-Marc Dubreuil, a déclaré que la situation était grave et qu'il fallait
des investissements rapides dans les infrastructures du pays.`;

const ENGLISH = `The government presented a new plan for the ports of the Atlantic coast on Tuesday. Trade with
Germany and Spain has risen by ten per cent this year, the minister said, but dock workers have announced a
strike for next week and their union says it wants faster investment in the country's infrastructure.`;

describe('the page language', () => {
  it('tells French, German, Spanish and English news text apart by their function words', () => {
    expect(detectLanguage(FRENCH)).toEqual({ code: 'fr', name: 'French', readable: false });
    expect(detectLanguage(ENGLISH)).toEqual({ code: 'en', name: 'English', readable: true });
    expect(
      detectLanguage(
        'Die Regierung hat am Dienstag einen neuen Plan für die Häfen der Küste vorgestellt, und der Handel mit Frankreich ist in diesem Jahr um zehn Prozent gestiegen, sagte der Minister, aber die Gewerkschaft ist nicht zufrieden.',
      ).code,
    ).toBe('de');
    expect(
      detectLanguage(
        'El gobierno presentó el martes un nuevo plan para los puertos de la costa, y el comercio con Francia ha crecido un diez por ciento este año, dijo el ministro, pero los sindicatos anunciaron una huelga para la semana que viene.',
      ).code,
    ).toBe('es');
  });

  it('trusts what the document declares, and says nothing on too little text', () => {
    expect(pageLanguage('fr-FR', ENGLISH).code).toBe('fr');
    expect(pageLanguage('', ENGLISH).code).toBe('en');
    expect(detectLanguage('Breaking news').readable).toBe(true);
  });

  it('reads Cyrillic and Han text as the languages they are written in', () => {
    expect(detectLanguage('Правительство представило во вторник новый план для портов побережья').code).toBe('ru');
    expect(detectLanguage('政府周二公布了沿海港口的新计划，部长表示今年的贸易增长了百分之十').code).toBe('zh');
  });
});

describe('a page Backstory cannot read', () => {
  const { result } = analyzeInTiers({ text: FRENCH, title: 'Les ports' }, cliTiers());

  it('says so plainly', () => {
    expect(languageNotice(result)).toBe(
      'This page is in French; Backstory reads English. Showing only names it knows.',
    );
  });

  it('matches the countries the packs know by their French names', () => {
    expect(result.entities.map((e) => e.id)).toEqual(expect.arrayContaining(['germany', 'spain']));
    expect(result.entities.find((e) => e.id === 'germany')!.mentions[0]!.text).toBe("l'Allemagne");
  });

  it('shows only names it knows: no guesses from an English reading of French text', () => {
    expect(result.entities.every((e) => e.id !== null)).toBe(true);
    expect(result.complete).toBe(true);
  });

  it('lists no figures read as English from French text', () => {
    const french = analyzeInTiers(
      { text: `${FRENCH} Le port a accueilli 42 navires et 1 200 conteneurs le 5 mai.`, title: 'Ports', lang: 'fr' },
      cliTiers(),
    );
    expect(french.result.figures).toEqual([]);
  });

  it('does not read French names into an English page', () => {
    const english = analyzeInTiers(
      { text: `${ENGLISH} Allemagne is not an English word.`, title: 'Ports' },
      cliTiers(),
    );
    expect(english.result.language).toBeUndefined();
    expect(english.result.entities.find((e) => e.mentions.some((m) => m.text === 'Allemagne'))?.id).not.toBe('germany');
  });
});
