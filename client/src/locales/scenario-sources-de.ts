/**
 * German texts of the sources of the scenarios' numbers, for the debrief's table, keyed by the number's path in
 * the scenario (as GET /api/scenarios/:id/sources lists it). A path whose source differs between scenarios has
 * one entry per text. Each entry keeps the English original it translates: when a scenario file's source
 * changes, the screen falls back to that English text and test/client/scenario-sources-de.test.ts names the
 * path until it is translated again. Titles of publications stay as published; the prose and the numbers are
 * German.
 */
export interface SourceTranslation {
  en: string;
  de: string;
}

const NEW_BUILDS: SourceTranslation = {
  en: "Design: new builds are counted separately, starting at zero; the starting supply is the grid share",
  de: "Spielentscheidung: Neubauten werden getrennt gezählt und beginnen bei null; die Anfangsversorgung ist der Netzanteil",
};

const FOREIGN_AI_SHARE: SourceTranslation = {
  en: "Design: share of a host's data-centre capacity that is AI-grade and rentable by foreign customers (no figure in the sources); sets the room for Chinese leases",
  de: "Spielentscheidung: Anteil der Rechenzentrumskapazität eines Gastlands, der KI-tauglich und an ausländische Kunden vermietbar ist (keine Zahl in den Quellen); bestimmt den Spielraum für chinesische Mieten",
};

const OPENNESS: SourceTranslation = {
  en: "Design: starting willingness to rent to Chinese firms, 0-1 (no index exists); set from the reported leases (FT Nov/Dec 2025, WSJ 2025) and permit rules",
  de: "Spielentscheidung: anfängliche Bereitschaft, an chinesische Unternehmen zu vermieten, 0-1 (es gibt keinen Index); gesetzt nach den berichteten Mieten (FT Nov./Dez. 2025, WSJ 2025) und Genehmigungsregeln",
};

const STRICTNESS: SourceTranslation = {
  en: "Design: starting enforcement of chip permits, 0-1; Malaysia's permit rule only from Jul 2025 (Malaysian trade ministry), Singapore prosecuting the Feb 2025 fraud case (Reuters/CNA)",
  de: "Spielentscheidung: anfängliche Durchsetzung der Chipgenehmigungen, 0-1; Malaysias Genehmigungsregel erst ab Jul. 2025 (malaysisches Handelsministerium), Singapur verfolgt den Betrugsfall vom Feb. 2025 (Reuters/CNA)",
};

const GOODWILL: SourceTranslation = {
  en: "Design: starting goodwill 0-100, from alliances (Japan, Australia: US treaty allies) and trade ties; no index exists",
  de: "Spielentscheidung: anfängliches Wohlwollen 0-100, nach Bündnissen (Japan, Australien: Vertragsverbündete der USA) und Handelsbeziehungen; es gibt keinen Index",
};

const LEASE_PRICE: SourceTranslation = {
  en: "SemiAnalysis GPU rental index (2024-26): H100 $1.70-2.99 per GPU-hour; $2.50 x 4,380 hours = $11,000 a half-year for an H100 listed at about $25,000 (Raymond James via Barron's, 2023); rents follow the hardware's price per H100e, so on Blackwell ($15,400 per H100e) $11,000 x 15,400 / 25,000 = about $6,800, falling with chips.frontierRoadmap's price",
  de: "SemiAnalysis GPU rental index (2024-26): H100 1,70-2,99 $ je GPU-Stunde; 2,50 $ × 4.380 Stunden = 11.000 $ je Halbjahr für eine H100 mit etwa 25.000 $ Listenpreis (Raymond James via Barron's, 2023); Mieten folgen dem Hardwarepreis je H100e, also auf Blackwell (15.400 $ je H100e) 11.000 $ × 15.400 / 25.000 = etwa 6.800 $, sinkend mit dem Preis in chips.frontierRoadmap",
};

export const SCENARIO_SOURCES_DE: Readonly<Record<string, readonly SourceTranslation[]>> = {
  "time.startYear": [
    {
      en: "Design brief: the default match starts in 2025 H1",
      de: "Designvorgabe: Die Standardpartie beginnt im 1. Hj. 2025",
    },
  ],
  "time.startHalf": [
    {
      en: "Design brief: half-year turns from 2025 H1",
      de: "Designvorgabe: Halbjahresrunden ab dem 1. Hj. 2025",
    },
  ],
  "time.turns": [
    {
      en: "Design brief: 2025 H1 to 2032 H2, 16 turns, fits a 90-minute class",
      de: "Designvorgabe: 1. Hj. 2025 bis 2. Hj. 2032, 16 Runden, passt in eine 90-minütige Unterrichtsstunde",
    },
  ],
  "victory.leadMonths": [
    {
      en: "Design: the US must hold at least this mean lead over the final four turns; just below the median judged lead of search against search (16.18 months), so that search against search is near even, and low enough that no persona beats every persona of the other side (the hawk beats the offshorer and the builder beats self-reliance by about 1.5 points here); median leads: hawk against offshorer 16.15, hawk against self-reliance 15.78, builder against self-reliance 16.15, builder against offshorer 11.31 months (1,600 seeded matches a pairing, npm run balance, 2026-11-30, model v3.3); docs/balance/README.md",
      de: "Spielentscheidung: Die USA müssen über die letzten vier Runden mindestens diesen mittleren Vorsprung halten; knapp unter dem Median des gewerteten Vorsprungs von Suche gegen Suche (16,18 Monate), sodass Suche gegen Suche nahezu ausgeglichen ist, und niedrig genug, dass kein Spielertyp jeden Typ der anderen Seite schlägt (der Falke schlägt den Auslagerer und der Bauherr die Eigenständigkeit hier um etwa 1,5 Punkte); Median-Vorsprünge: Falke gegen Auslagerer 16,15, Falke gegen Eigenständigkeit 15,78, Bauherr gegen Eigenständigkeit 16,15, Bauherr gegen Auslagerer 11,31 Monate (1.600 Partien mit festem Seed je Paarung, npm run balance, 30.11.2026, Modell v3 in der dritten Nachabstimmung); docs/balance/README.md",
    },
  ],
  "victory.judgedTurns": [
    {
      en: "Design (after the lessons of the first model, 2026): the outcome is the mean lead over the final two years (four turns), so that spending everything on the last turn does not pay",
      de: "Spielentscheidung (nach den Lehren aus dem ersten Modell, 2026): Entscheidend ist der mittlere Vorsprung über die letzten zwei Jahre (vier Runden), damit es sich nicht lohnt, in der letzten Runde alles auszugeben",
    },
  ],
  "world.hoursPerTurn": [
    {
      en: "Derived from the calendar: a half-year is 8,760 hours / 2 = 4,380 hours (design brief, 2025: half-year turns)",
      de: "Aus dem Kalender abgeleitet: Ein Halbjahr hat 8.760 Stunden / 2 = 4.380 Stunden (Designvorgabe, 2025: Halbjahresrunden)",
    },
  ],
  "world.h100Flops": [
    {
      en: "Nvidia H100 datasheet (2022): 989 TFLOPS dense BF16, the unit of an H100-equivalent (sources.md chip table)",
      de: "Nvidia H100 datasheet (2022): 989 TFLOPS dicht in BF16, die Einheit eines H100-Äquivalents (Chiptabelle in sources.md)",
    },
  ],
  "world.utilisation": [
    {
      en: "DeepSeek-V3 technical report (2024): about 3.3e24 FLOP over 2.79M H800 GPU-hours = 3.3e14 FLOP/s per GPU, 33% of 989 TFLOPS",
      de: "Technischer Bericht zu DeepSeek-V3 (2024): etwa 3,3e24 FLOP in 2,79 Mio. H800-GPU-Stunden = 3,3e14 FLOP/s je GPU, 33 % von 989 TFLOPS",
    },
  ],
  "world.trainingShare": [
    {
      en: "Epoch AI, Pilz et al., Trends in AI Supercomputers (2025): the largest cluster, xAI Colossus, has 200k chips, about 4% of the 5.2M H100e US stock; a frontier run uses it for about a quarter-year of the half-year turn: 4% x 0.5 = 2%",
      de: "Epoch AI, Pilz et al., Trends in AI Supercomputers (2025): Der größte Cluster, xAI Colossus, hat 200.000 Chips, etwa 4 % des US-Bestands von 5,2 Mio. H100e; ein Spitzentraining belegt ihn etwa ein Vierteljahr der Halbjahresrunde: 4 % × 0,5 = 2 %",
    },
  ],
  "world.pue": [
    {
      en: "Uptime Institute Global Data Center Survey 2024: new large sites at 1.3 or below (industry average 1.56; Google fleet 1.10, 2024 Environmental Report)",
      de: "Uptime Institute Global Data Center Survey 2024: neue große Standorte bei 1,3 oder darunter (Branchenschnitt 1,56; Googles Rechenzentren 1,10, Environmental Report 2024)",
    },
  ],
  "world.leadGrowthPerYear": [
    {
      en: "Epoch AI, Feb 2025: the Nvidia compute stock grows 2.3x a year; Ho et al. 2024: algorithms about 2.8x a year; 2.3 x 2.8 = 6.4x a year, the growth of a training run that keeps its share of a growing fleet, as the game's runs do. (Frontier single runs grew faster, 4-5x a year in hardware, Epoch AI, as their share of the fleet rose; at that 12.6x the same gap would read about half as many months.) Used before the first turn; from then on the lead is read off the US's own history in the match",
      de: "Epoch AI, Feb. 2025: Der Bestand an Nvidia-Rechenleistung wächst jährlich auf das 2,3-Fache; Ho et al. 2024: Algorithmen etwa das 2,8-Fache pro Jahr; 2,3 × 2,8 = 6,4-fach pro Jahr, das Wachstum eines Trainingslaufs, der seinen Anteil an einem wachsenden Bestand hält, wie die Läufe im Spiel. (Einzelne Spitzenläufe wuchsen schneller, 4- bis 5-fach pro Jahr bei der Hardware, Epoch AI, weil ihr Anteil am Bestand stieg; bei diesem 12,6-Fachen ergäbe derselbe Abstand etwa halb so viele Monate.) Gilt vor der ersten Runde; danach wird der Vorsprung aus der eigenen Entwicklung der USA in der Partie abgelesen",
    },
  ],
  "world.algoGrowthPerYear": [
    {
      en: "Ho et al. 2024: compute needed for a result halves every ~8 months (5-14), about 2.8x a year",
      de: "Ho et al. 2024: Die für ein Ergebnis nötige Rechenleistung halbiert sich etwa alle 8 Monate (5-14), etwa das 2,8-Fache pro Jahr",
    },
  ],
  "world.fastFollowShare": [
    {
      en: "Derived: a fast follower (papers, open-weight models, distillation) closes this share of its capability gap, in orders of magnitude, each half-year, read as the steady state of the reported gaps. Frontier training compute grows 4-5x a year and the top Chinese models' ~3x (Epoch AI; Stanford AI Index 2025): the compute gap widens by log10(sqrt(4.5 / 3)) = 0.088 orders of magnitude a half-year. Yet the models stay 3-6 months behind (White House AI adviser, Jun 2025; MMLU gap 17.5 to 0.3 points 2023-24, Stanford AI Index 2025): 4.5 months at 6.4x a year is 0.30 orders of magnitude. A gap that holds still closes as much as it widens: 0.088 / 0.30 = 0.29",
      de: "Abgeleitet: Ein schneller Nachzügler (Fachartikel, Modelle mit offenen Gewichten, Destillation) schließt in jedem Halbjahr diesen Anteil seines Fähigkeitsrückstands (in Größenordnungen), gelesen als Gleichgewicht der berichteten Abstände. Die Trainingsrechenleistung an der Spitze wächst um das 4- bis 5-Fache pro Jahr, die der besten chinesischen Modelle um etwa das 3-Fache (Epoch AI; Stanford AI Index 2025): Der Rechenabstand wächst um log10(sqrt(4,5 / 3)) = 0,088 Größenordnungen pro Halbjahr. Dennoch bleiben die Modelle 3-6 Monate zurück (KI-Berater des Weißen Hauses, Jun. 2025; MMLU-Abstand 17,5 auf 0,3 Punkte 2023-24, Stanford AI Index 2025): 4,5 Monate beim 6,4-Fachen pro Jahr sind 0,30 Größenordnungen. Ein Abstand, der stehen bleibt, schließt sich so weit, wie er wächst: 0,088 / 0,30 = 0,29",
    },
  ],
  "world.fastFollowHalfLifeTurns": [
    {
      en: "Design: the fast-follow share halves every two half-years (a year), as the leading labs publish less and guard their models against distillation; no source measures how long fast following lasts",
      de: "Spielentscheidung: Der Anteil des schnellen Nachziehens halbiert sich alle zwei Halbjahre (ein Jahr), weil die führenden Labore weniger veröffentlichen und ihre Modelle vor Destillation schützen; keine Quelle misst, wie lange schnelles Nachziehen anhält",
    },
  ],
  "world.retirementPerTurn": [
    {
      en: "Server lives of about 6 years (Alphabet 10-K 2022; Microsoft 10-Q FY2023; CoreWeave S-1 2025): 1/12 of the fleet retires each half-year",
      de: "Server laufen etwa 6 Jahre (Alphabet 10-K 2022; Microsoft 10-Q FY2023; CoreWeave S-1 2025): Jedes Halbjahr scheidet 1/12 des Bestands aus",
    },
  ],
  "world.startTension": [
    {
      en: "Design: tension scale 0-100; 2025 opens after three rounds of chip controls and China's mineral counter-ban (law-firm summaries, Dec 2024)",
      de: "Spielentscheidung: Spannungsskala 0-100; 2025 beginnt nach drei Runden Chipkontrollen und Chinas Gegenverbot für Mineralien (Zusammenfassungen von Kanzleien, Dez. 2024)",
    },
    {
      en: "Design: a full ban from the start raises tension above the baseline's 30",
      de: "Spielentscheidung: Ein vollständiges Verbot von Beginn an hebt die Spannung über die 30 des Grundszenarios",
    },
    {
      en: "Design: open trade starts with less tension than the baseline's 30",
      de: "Spielentscheidung: Offener Handel beginnt mit weniger Spannung als die 30 des Grundszenarios",
    },
    {
      en: "Design: a military crisis puts tension just below the escalation line of 80",
      de: "Spielentscheidung: Eine militärische Krise setzt die Spannung knapp unter die Eskalationsschwelle von 80",
    },
  ],
  "world.tensionDecayPerTurn": [
    {
      en: "Design: tension eases by a tenth each half-year without new provocations",
      de: "Spielentscheidung: Ohne neue Provokationen sinkt die Spannung jedes Halbjahr um ein Zehntel",
    },
  ],
  "world.escalationTension": [
    {
      en: "Design: above this tension Beijing stops buying US chips and trade cannot be reopened",
      de: "Spielentscheidung: Oberhalb dieser Spannung kauft Peking keine US-Chips mehr, und der Handel lässt sich nicht wieder öffnen",
    },
  ],
  "world.eventChancePerTurn": [
    {
      en: "Design: chance that an event card is drawn in a turn",
      de: "Spielentscheidung: Wahrscheinlichkeit, dass in einer Runde eine Ereigniskarte gezogen wird",
    },
  ],
  "world.carryOverTurns": [
    {
      en: "Design: a side may carry at most two turns of its income into the next turn; the rest lapses (US federal appropriations lapse at the end of their period, 31 U.S.C. 1552, 1982; firms set capital budgets a year at a time), so that hoarding for the last turn does not pay",
      de: "Spielentscheidung: Eine Seite darf höchstens zwei Runden ihres Einkommens in die nächste Runde mitnehmen; der Rest verfällt (US-Bundesmittel verfallen am Ende ihres Zeitraums, 31 U.S.C. 1552, 1982; Unternehmen planen Investitionsbudgets jahresweise), damit sich Horten für die letzte Runde nicht lohnt",
    },
  ],
  "world.mineralBanTension": [
    {
      en: "Design: tension (0-100) at which China bans gallium, germanium and rare-earth exports to the US, as it did after the Dec 2024 controls (law-firm summaries, Dec 2024) and the Oct 2025 escalation (MOFCOM Announcement No. 70 of 2025)",
      de: "Spielentscheidung: Spannung (0-100), bei der China die Ausfuhr von Gallium, Germanium und Seltenen Erden in die USA verbietet, wie nach den Kontrollen vom Dez. 2024 (Zusammenfassungen von Kanzleien, Dez. 2024) und der Eskalation vom Okt. 2025 (MOFCOM-Bekanntmachung Nr. 70 von 2025)",
    },
  ],
  "world.mineralBanHysteresis": [
    {
      en: "Design: the ban lifts once tension falls this far below its threshold (the Busan truce of 30 Oct 2025 suspended it after de-escalation, MOFCOM 2025)",
      de: "Spielentscheidung: Das Verbot endet, sobald die Spannung so weit unter seine Schwelle fällt (der Waffenstillstand von Busan am 30. Okt. 2025 setzte es nach der Deeskalation aus, MOFCOM 2025)",
    },
  ],
  "world.mineralBanCostShare": [
    {
      en: "Design: US power plants and data centres cost 15% more while China withholds minerals (China refines about 90% of rare earths, trade press 2025); no cost figure is reported",
      de: "Spielentscheidung: US-Kraftwerke und -Rechenzentren kosten 15 % mehr, solange China Mineralien zurückhält (China raffiniert etwa 90 % der Seltenen Erden, Fachpresse 2025); eine Kostenzahl ist nicht berichtet",
    },
  ],
  "exportControls.startLevel": [
    {
      en: "BIS rule Oct 2023 with H20 sales continuing (SemiAnalysis via FT, Jul 2024: over 1M H20 in 2024): a cap that lets export-grade chips through",
      de: "BIS-Regel vom Okt. 2023 bei weiterlaufenden H20-Verkäufen (SemiAnalysis laut FT, Jul. 2024: über 1 Mio. H20 im Jahr 2024): eine Obergrenze, die Exportchips durchlässt",
    },
    {
      en: "What-if on the Remote Access Security Act (passed the House 369-22, Jan 2026; law-firm commentary) combined with a full chip ban",
      de: "Gedankenspiel zum Remote Access Security Act (vom Repräsentantenhaus mit 369 zu 22 Stimmen angenommen, Jan. 2026; Kommentare von Kanzleien) zusammen mit einem vollständigen Chipverbot",
    },
    {
      en: "Institute for Progress: US compute lead about 31x in 2026, under 4x if a cut-down Blackwell is exported (the open-export case)",
      de: "Institute for Progress: US-Vorsprung bei der Rechenleistung 2026 etwa 31-fach, unter 4-fach, wenn ein abgespeckter Blackwell exportiert wird (der Fall offener Exporte)",
    },
  ],
  "exportControls.exportRevenueShare": [
    {
      en: "Nvidia earnings, Aug 2025: 15% of revenue to the US government on H20 sales; the game applies it to frontier chips sold to China when exports are open (the H200 opening charged 25%: see chips.exportGradeRoadmap)",
      de: "Nvidia-Quartalszahlen, Aug. 2025: 15 % des Umsatzes aus H20-Verkäufen an die US-Regierung; das Spiel wendet das auf Spitzenchips an, die bei offenen Exporten an China verkauft werden (die Öffnung für den H200 kostete 25 %: siehe chips.exportGradeRoadmap)",
    },
    {
      en: "Law-firm summaries, Jan 2026: H200 licences to China against a 25% tariff",
      de: "Zusammenfassungen von Kanzleien, Jan. 2026: H200-Lizenzen für China gegen eine Abgabe von 25 %",
    },
  ],
  "exportControls.tensionPerStep": [
    {
      en: "Design: tension added per step the US tightens (removed per step it loosens)",
      de: "Spielentscheidung: Spannung, die je Verschärfungsstufe der USA hinzukommt (je Lockerungsstufe wegfällt)",
    },
  ],
  "exportControls.tighteningCostPerStep": [
    {
      en: "Reuters, Apr 2025: Nvidia wrote off $5.5B when H20 sales to China needed a licence; the game charges the US this much per step of tightening",
      de: "Reuters, Apr. 2025: Nvidia schrieb 5,5 Mrd. $ ab, als H20-Verkäufe nach China eine Lizenz brauchten; das Spiel berechnet den USA so viel je Verschärfungsstufe",
    },
  ],
  "exportControls.remoteAccessLawTurns": [
    {
      en: "Design after law-firm commentary, Jan 2026: the Remote Access Security Act passed the House 369-22 in Jan 2026 and still needs the Senate; the game takes a year (two turns) from asking to law",
      de: "Spielentscheidung nach Kommentaren von Kanzleien, Jan. 2026: Der Remote Access Security Act wurde im Jan. 2026 vom Repräsentantenhaus mit 369 zu 22 Stimmen angenommen und braucht noch den Senat; im Spiel dauert es vom Antrag bis zum Gesetz ein Jahr (zwei Runden)",
    },
  ],
  "chips.legacyKwPerH100e": [
    {
      en: "Epoch AI / Pilz et al. 2025: xAI Colossus draws 300 MW for 200k H100s, 1.5 kW a chip at the wall; / PUE 1.3 = 1.15 kW at system level",
      de: "Epoch AI / Pilz et al. 2025: xAI Colossus zieht 300 MW für 200.000 H100, 1,5 kW je Chip an der Steckdose; / PUE 1,3 = 1,15 kW auf Systemebene",
    },
  ],
  "chips.frontierRoadmap.0.fromTurn": [
    {
      en: "Nvidia GTC, Mar 2025: Blackwell in volume in 2025 (3.6M to the top four US clouds)",
      de: "Nvidia GTC, März 2025: Blackwell 2025 in großer Stückzahl (3,6 Mio. an die vier größten US-Clouds)",
    },
  ],
  "chips.frontierRoadmap.0.h100ePerChip": [
    {
      en: "Nvidia B200 specifications (2024, sources.md): 2,250 TFLOPS dense BF16 / 989 = 2.28 H100e",
      de: "Nvidia-B200-Datenblatt (2024, sources.md): 2.250 TFLOPS dicht in BF16 / 989 = 2,28 H100e",
    },
  ],
  "chips.frontierRoadmap.0.kwPerH100e": [
    {
      en: "SemiAnalysis, Apr 2025: GB200 NVL72 draws 145 kW for 180 PFLOPS = 0.81 kW per 989 TFLOPS at system level",
      de: "SemiAnalysis, Apr. 2025: GB200 NVL72 zieht 145 kW für 180 PFLOPS = 0,81 kW je 989 TFLOPS auf Systemebene",
    },
  ],
  "chips.frontierRoadmap.0.usdPerH100e": [
    {
      en: "CNBC, Oct 2024 (Jensen Huang): Blackwell $30,000-40,000; $35,000 / 2.28 H100e (B200 2,250 vs 989 TFLOPS) = $15,400",
      de: "CNBC, Okt. 2024 (Jensen Huang): Blackwell 30.000-40.000 $; 35.000 $ / 2,28 H100e (B200 2.250 gegenüber 989 TFLOPS) = 15.400 $",
    },
  ],
  "chips.frontierRoadmap.1.fromTurn": [
    {
      en: "Nvidia GTC, Mar 2025, as reported by Tom's Hardware and The Verge: B300 (Blackwell Ultra) in 2025 H2",
      de: "Nvidia GTC, März 2025, laut Tom's Hardware und The Verge: B300 (Blackwell Ultra) im 2. Hj. 2025",
    },
  ],
  "chips.frontierRoadmap.1.h100ePerChip": [
    {
      en: "Nvidia GTC, Mar 2025 (Tom's Hardware): B300 has the same dense compute as B200, with 288 GB HBM3e: 2.28 H100e",
      de: "Nvidia GTC, März 2025 (Tom's Hardware): B300 hat dieselbe dichte Rechenleistung wie B200, mit 288 GB HBM3e: 2,28 H100e",
    },
  ],
  "chips.frontierRoadmap.1.kwPerH100e": [
    {
      en: "No power figure for GB300 in the sources: taken as the GB200 NVL72's 0.81 kW per H100e (SemiAnalysis, Apr 2025), since the dense compute is the same",
      de: "Keine Leistungsaufnahme für GB300 in den Quellen: angesetzt wie beim GB200 NVL72 mit 0,81 kW je H100e (SemiAnalysis, Apr. 2025), da die dichte Rechenleistung gleich ist",
    },
  ],
  "chips.frontierRoadmap.1.usdPerH100e": [
    {
      en: "No price reported for B300: taken as Blackwell's $15,400 per H100e (CNBC, Oct 2024)",
      de: "Kein Preis für B300 berichtet: angesetzt wie Blackwell mit 15.400 $ je H100e (CNBC, Okt. 2024)",
    },
  ],
  "chips.frontierRoadmap.2.fromTurn": [
    {
      en: "Nvidia GTC, Mar 2025 (Tom's Hardware, The Verge): Vera Rubin NVL144 in 2026 H2",
      de: "Nvidia GTC, März 2025 (Tom's Hardware, The Verge): Vera Rubin NVL144 im 2. Hj. 2026",
    },
  ],
  "chips.frontierRoadmap.2.h100ePerChip": [
    {
      en: "Nvidia GTC, Mar 2025: NVL144 (72 packages) at 3.3x a GB300 NVL72 rack of 180 PFLOPS (SemiAnalysis, Apr 2025): 594 PFLOPS / 72 = 8.25 PFLOPS = 8.3 H100e a package. Nvidia's 3.3x is an FP4 figure; the game assumes training gains in the same ratio",
      de: "Nvidia GTC, März 2025: NVL144 (72 Packages) mit dem 3,3-Fachen eines GB300-NVL72-Racks von 180 PFLOPS (SemiAnalysis, Apr. 2025): 594 PFLOPS / 72 = 8,25 PFLOPS = 8,3 H100e je Package. Nvidias 3,3-fach ist ein FP4-Wert; das Spiel nimmt an, dass das Training im selben Verhältnis gewinnt",
    },
  ],
  "chips.frontierRoadmap.2.kwPerH100e": [
    {
      en: "Nvidia GTC, Mar 2025 and trade press (rack power 190 kW+ for Rubin): 190 kW / 594 PFLOPS x 0.989 = 0.32 kW per H100e (FP4 ratio taken for training too)",
      de: "Nvidia GTC, März 2025, und Fachpresse (Rackleistung 190 kW+ für Rubin): 190 kW / 594 PFLOPS × 0,989 = 0,32 kW je H100e (FP4-Verhältnis auch fürs Training angesetzt)",
    },
  ],
  "chips.frontierRoadmap.2.usdPerH100e": [
    {
      en: "Epoch AI, Trends in Machine Learning Hardware (Hobbhahn, Heim and Aydos, 2023): price-performance of ML GPUs doubles about every 2.5 years: $15,400 / 2^(1.5 / 2.5) = $10,200 per H100e 1.5 years after Blackwell",
      de: "Epoch AI, Trends in Machine Learning Hardware (Hobbhahn, Heim und Aydos, 2023): Das Preis-Leistungs-Verhältnis von ML-GPUs verdoppelt sich etwa alle 2,5 Jahre: 15.400 $ / 2^(1,5 / 2,5) = 10.200 $ je H100e 1,5 Jahre nach Blackwell",
    },
  ],
  "chips.frontierRoadmap.3.fromTurn": [
    {
      en: "Nvidia GTC, Mar 2025 (Tom's Hardware, The Verge): Rubin Ultra NVL576 in 2027 H2",
      de: "Nvidia GTC, März 2025 (Tom's Hardware, The Verge): Rubin Ultra NVL576 im 2. Hj. 2027",
    },
  ],
  "chips.frontierRoadmap.3.h100ePerChip": [
    {
      en: "Nvidia GTC, Mar 2025: NVL576 (144 packages) at 14x a GB300 NVL72 rack: 14 x 180 / 144 = 17.5 PFLOPS = 17.7 H100e a package (FP4 ratio taken for training too)",
      de: "Nvidia GTC, März 2025: NVL576 (144 Packages) mit dem 14-Fachen eines GB300-NVL72-Racks: 14 × 180 / 144 = 17,5 PFLOPS = 17,7 H100e je Package (FP4-Verhältnis auch fürs Training angesetzt)",
    },
  ],
  "chips.frontierRoadmap.3.kwPerH100e": [
    {
      en: "Nvidia GTC, Mar 2025 (trade press): 600 kW a Rubin Ultra rack at 14 x 180 PFLOPS: 600 / 2,520 x 0.989 = 0.24 kW per H100e (FP4 ratio taken for training too)",
      de: "Nvidia GTC, März 2025 (Fachpresse): 600 kW je Rubin-Ultra-Rack bei 14 × 180 PFLOPS: 600 / 2.520 × 0,989 = 0,24 kW je H100e (FP4-Verhältnis auch fürs Training angesetzt)",
    },
  ],
  "chips.frontierRoadmap.3.usdPerH100e": [
    {
      en: "Epoch AI, Trends in Machine Learning Hardware (Hobbhahn, Heim and Aydos, 2023): price-performance of ML GPUs doubles about every 2.5 years: $15,400 / 2^(2.5 / 2.5) = $7,700 per H100e 2.5 years after Blackwell",
      de: "Epoch AI, Trends in Machine Learning Hardware (Hobbhahn, Heim und Aydos, 2023): Das Preis-Leistungs-Verhältnis von ML-GPUs verdoppelt sich etwa alle 2,5 Jahre: 15.400 $ / 2^(2,5 / 2,5) = 7.700 $ je H100e 2,5 Jahre nach Blackwell",
    },
  ],
  "chips.exportGradeRoadmap.0.fromTurn": [
    {
      en: "Reuters, Apr 2025 and Nvidia earnings, Aug 2025: the H20 was the export-grade chip of 2025 (licence required Apr 2025, sales resumed Aug 2025)",
      de: "Reuters, Apr. 2025, und Nvidia-Quartalszahlen, Aug. 2025: Der H20 war 2025 der Exportchip (Lizenzpflicht ab Apr. 2025, Verkäufe ab Aug. 2025 wieder aufgenommen)",
    },
  ],
  "chips.exportGradeRoadmap.0.h100ePerChip": [
    {
      en: "Nvidia H20 specifications (2024, sources.md): 148 TFLOPS, about 15% of an H100",
      de: "Nvidia-H20-Datenblatt (2024, sources.md): 148 TFLOPS, etwa 15 % eines H100",
    },
  ],
  "chips.exportGradeRoadmap.0.kwPerH100e": [
    {
      en: "H20: 148 TFLOPS (0.15 H100e) at 400 W (Nvidia H20 specifications via sources.md, 2024), with the H100's system overhead (1.15 / 0.7): 0.4 x 1.64 / 0.15 = 4.4 kW",
      de: "H20: 148 TFLOPS (0,15 H100e) bei 400 W (Nvidia-H20-Datenblatt über sources.md, 2024), mit dem Systemaufschlag des H100 (1,15 / 0,7): 0,4 × 1,64 / 0,15 = 4,4 kW",
    },
  ],
  "chips.exportGradeRoadmap.0.usdPerH100e": [
    {
      en: "Reuters, May 2025: H20 at $10,000-12,000; $11,000 / 0.15 H100e = $73,000 per H100e",
      de: "Reuters, Mai 2025: H20 für 10.000-12.000 $; 11.000 $ / 0,15 H100e = 73.000 $ je H100e",
    },
  ],
  "chips.exportGradeRoadmap.0.supplyPerTurn": [
    {
      en: "SemiAnalysis via FT, Jul 2024: over 1M H20 to China in 2024; 500k a half-year x 0.15 H100e = 75,000 H100e",
      de: "SemiAnalysis laut FT, Jul. 2024: über 1 Mio. H20 im Jahr 2024 nach China; 500.000 je Halbjahr × 0,15 H100e = 75.000 H100e",
    },
  ],
  "chips.exportGradeRoadmap.0.revenueShare": [
    {
      en: "Nvidia earnings, Aug 2025: H20 sales resumed against 15% of revenue to the US government (alternative: the 25% tariff on H200, law-firm summaries Jan 2026)",
      de: "Nvidia-Quartalszahlen, Aug. 2025: H20-Verkäufe wieder aufgenommen gegen 15 % des Umsatzes an die US-Regierung (Alternative: die Abgabe von 25 % auf den H200, Zusammenfassungen von Kanzleien, Jan. 2026)",
    },
  ],
  "chips.exportGradeRoadmap.1.fromTurn": [
    {
      en: "Law-firm summaries, Jan 2026: H200 licences announced Dec 2025, in force Jan 2026 (2026 H1)",
      de: "Zusammenfassungen von Kanzleien, Jan. 2026: H200-Lizenzen im Dez. 2025 angekündigt, ab Jan. 2026 in Kraft (1. Hj. 2026)",
    },
  ],
  "chips.exportGradeRoadmap.1.h100ePerChip": [
    {
      en: "Nvidia H200 specifications (2024, sources.md chip table): H200 989 TFLOPS dense BF16, the same as the H100: 1 H100e",
      de: "Nvidia-H200-Datenblatt (2024, Chiptabelle in sources.md): H200 989 TFLOPS dicht in BF16, so viel wie der H100: 1 H100e",
    },
  ],
  "chips.exportGradeRoadmap.1.kwPerH100e": [
    {
      en: "H200 at 700 W like the H100 (sources.md): the H100 fleet's 1.15 kW per chip at system level (Epoch AI / Pilz et al. 2025, as chips.legacyKwPerH100e)",
      de: "H200 mit 700 W wie der H100 (sources.md): die 1,15 kW je Chip des H100-Bestands auf Systemebene (Epoch AI / Pilz et al. 2025, wie chips.legacyKwPerH100e)",
    },
  ],
  "chips.exportGradeRoadmap.1.usdPerH100e": [
    {
      en: "No H200 price in the sources: taken as the H100's $25,000 (Huxiu 2024, CNAS Jun 2025, as in chips.smugglingPremium) plus the 25% charge of the Jan 2026 rule (law-firm summaries): $31,250",
      de: "Kein H200-Preis in den Quellen: angesetzt wie der H100 mit 25.000 $ (Huxiu 2024, CNAS Jun. 2025, wie bei chips.smugglingPremium) zuzüglich der Abgabe von 25 % nach der Regel vom Jan. 2026 (Zusammenfassungen von Kanzleien): 31.250 $",
    },
  ],
  "chips.exportGradeRoadmap.1.supplyPerTurn": [
    {
      en: "The Jan 2026 rule caps China at 50% of US shipments of the chip (law-firm summaries); no shipment figure is reported: assumed 1M H200 a half-year to US customers, so 500k",
      de: "Die Regel vom Jan. 2026 begrenzt China auf 50 % der US-Lieferungen des Chips (Zusammenfassungen von Kanzleien); eine Liefermenge ist nicht berichtet: angenommen 1 Mio. H200 je Halbjahr an US-Kunden, also 500.000",
    },
  ],
  "chips.exportGradeRoadmap.1.revenueShare": [
    {
      en: "Law-firm summaries, Jan 2026: a 25% charge on H200 sales to China",
      de: "Zusammenfassungen von Kanzleien, Jan. 2026: eine Abgabe von 25 % auf H200-Verkäufe nach China",
    },
  ],
  "chips.domesticPowerRatio": [
    {
      en: "SemiAnalysis, Apr 2025: CloudMatrix 384 against GB200 NVL72, 559 vs 145 kW for 300 vs 180 PFLOPS: 2.3x the energy per FLOP (sources.md). The game keeps China's newest domestic part 2.3x worse per watt than the newest Nvidia part of the same turn",
      de: "SemiAnalysis, Apr. 2025: CloudMatrix 384 gegenüber GB200 NVL72, 559 gegenüber 145 kW für 300 gegenüber 180 PFLOPS: das 2,3-Fache an Energie je FLOP (sources.md). Das Spiel hält Chinas neuesten heimischen Chip je Watt 2,3-mal schlechter als den neuesten Nvidia-Chip derselben Runde",
    },
  ],
  "chips.domesticUsdPerH100e": [
    {
      en: "No 910C price is reported. Assumption: $22,000 a chip, between the H20 ($10-12k, Reuters May 2025) and two 910B dies (120,000 yuan each, Reuters Jan 2024, about $33k for two); / 0.6 H100e = $37,000",
      de: "Kein Preis für den 910C berichtet. Annahme: 22.000 $ je Chip, zwischen dem H20 (10.000-12.000 $, Reuters Mai 2025) und zwei 910B-Dies (je 120.000 Yuan, Reuters Jan. 2024, etwa 33.000 $ für zwei); / 0,6 H100e = 37.000 $",
    },
  ],
  "chips.smugglingPremium": [
    {
      en: "Smuggled H100 about $47,000-50,000 (Huxiu 2024 dealer quote; CNAS, Jun 2025: 2,400 H100 for $120M) against $25,000-30,000 list (Raymond James via Barron's, 2023): about +70%",
      de: "Geschmuggelter H100 etwa 47.000-50.000 $ (Händlerangebot laut Huxiu 2024; CNAS, Jun. 2025: 2.400 H100 für 120 Mio. $) gegenüber 25.000-30.000 $ Listenpreis (Raymond James laut Barron's, 2023): etwa +70 %",
    },
  ],
  "chips.smugglingChipsPerTurn": [
    {
      en: "CNAS, Jun 2025: about 140k chips smuggled in 2024 (median), up to several hundred thousand; the game takes 300k chips a year = 150k a half-year, each of the Nvidia generation on sale (H100e per chip from chips.frontierRoadmap), fewer as the hosts they pass through grow stricter (Malaysian trade ministry, Jul 2025: a permit to export or tranship US AI chips)",
      de: "CNAS, Jun. 2025: etwa 140.000 geschmuggelte Chips im Jahr 2024 (Median), bis zu mehreren Hunderttausend; das Spiel nimmt 300.000 Chips pro Jahr = 150.000 je Halbjahr an, jeweils aus der gerade verkauften Nvidia-Generation (H100e je Chip aus chips.frontierRoadmap), weniger, je strenger die Durchgangsländer werden (malaysisches Handelsministerium, Jul. 2025: Genehmigungspflicht für Ausfuhr und Umschlag von US-KI-Chips)",
    },
  ],
  "power.sources.solar.costPerGW": [
    {
      en: "LBNL, Utility-Scale Solar 2024 Edition: $1.43/W(AC) in 2023, i.e. $1.43B per GW",
      de: "LBNL, Utility-Scale Solar 2024 Edition: 1,43 $/W(AC) im Jahr 2023, also 1,43 Mrd. $ je GW",
    },
  ],
  "power.sources.solar.leadTurns": [
    {
      en: "No build-time figure found; utility solar builds in about a year, and the grid queue is the binding delay (LBNL Queued Up 2024)",
      de: "Keine Bauzeit gefunden; ein Solarpark entsteht in etwa einem Jahr, und die Warteschlange für den Netzanschluss ist die eigentliche Verzögerung (LBNL Queued Up 2024)",
    },
  ],
  "power.sources.solar.firmFactor": [
    {
      en: "LBNL Utility-Scale Solar 2024 / EIA Electric Power Annual: median capacity factor 24%",
      de: "LBNL Utility-Scale Solar 2024 / EIA Electric Power Annual: Median-Kapazitätsfaktor 24 %",
    },
  ],
  "power.sources.solar.emissionsTPerMWh": [
    {
      en: "IPCC AR5 WGIII Annex III (2014): utility PV 48 gCO2e/kWh lifecycle median",
      de: "IPCC AR5 WGIII Annex III (2014): Photovoltaik-Kraftwerke 48 gCO2e/kWh, Median über den Lebenszyklus",
    },
  ],
  "power.sources.solar.usPermitDelayTurns": [
    {
      en: "LBNL Queued Up 2024: about 5 years to connect (median, all projects); the game takes 2 years for projects that serve data centres, halved by reform",
      de: "LBNL Queued Up 2024: etwa 5 Jahre bis zum Netzanschluss (Median, alle Projekte); das Spiel setzt 2 Jahre für Projekte an, die Rechenzentren versorgen, durch eine Reform halbiert",
    },
  ],
  "power.sources.wind.costPerGW": [
    {
      en: "LBNL/DOE Land-Based Wind Market Report 2024: 6,474 MW added in 2023 for $10.8B = $1,670/kW",
      de: "LBNL/DOE Land-Based Wind Market Report 2024: 6.474 MW Zubau im Jahr 2023 für 10,8 Mrd. $ = 1.670 $/kW",
    },
  ],
  "power.sources.wind.leadTurns": [
    {
      en: "No build-time figure found; onshore wind builds in about a year once permitted (LBNL Queued Up 2024: the queue is the delay)",
      de: "Keine Bauzeit gefunden; ein Windpark an Land entsteht nach der Genehmigung in etwa einem Jahr (LBNL Queued Up 2024: die Warteschlange ist die Verzögerung)",
    },
  ],
  "power.sources.wind.firmFactor": [
    {
      en: "EIA: US wind capacity factor 33.5% in 2023",
      de: "EIA: Kapazitätsfaktor der US-Windkraft 33,5 % im Jahr 2023",
    },
  ],
  "power.sources.wind.emissionsTPerMWh": [
    {
      en: "IPCC AR5 WGIII Annex III (2014): onshore wind 11 gCO2e/kWh lifecycle median",
      de: "IPCC AR5 WGIII Annex III (2014): Windkraft an Land 11 gCO2e/kWh, Median über den Lebenszyklus",
    },
  ],
  "power.sources.wind.usPermitDelayTurns": [
    {
      en: "LBNL Queued Up 2024: about 5 years to connect; the game takes 2 years for data-centre projects, halved by reform",
      de: "LBNL Queued Up 2024: etwa 5 Jahre bis zum Netzanschluss; das Spiel setzt 2 Jahre für Rechenzentrumsprojekte an, durch eine Reform halbiert",
    },
  ],
  "power.sources.gas.costPerGW": [
    {
      en: "NextEra CEO at CERAWeek, Mar 2025 (Gas Outlook): new combined-cycle plants about $2,400/kW",
      de: "NextEra-Chef auf der CERAWeek, März 2025 (Gas Outlook): neue GuD-Kraftwerke etwa 2.400 $/kW",
    },
  ],
  "power.sources.gas.leadTurns": [
    {
      en: "S&P Global Platts, May 2025: turbine lead times 5-7 years, 3-4 if already in the queue; the game takes 2 years for a plant with turbines reserved",
      de: "S&P Global Platts, Mai 2025: Lieferzeiten für Turbinen 5-7 Jahre, 3-4, wenn schon in der Warteschlange; das Spiel setzt 2 Jahre für ein Kraftwerk mit reservierten Turbinen an",
    },
  ],
  "power.sources.gas.firmFactor": [
    {
      en: "Design: gas is dispatchable; availability for a data centre assumed 85% (no figure in the sources)",
      de: "Spielentscheidung: Gas ist regelbar; Verfügbarkeit für ein Rechenzentrum mit 85 % angenommen (keine Zahl in den Quellen)",
    },
  ],
  "power.sources.gas.emissionsTPerMWh": [
    {
      en: "EIA FAQ (2023): gas generation 0.96 lb CO2/kWh = 435 g/kWh",
      de: "EIA FAQ (2023): Gasverstromung 0,96 lb CO2/kWh = 435 g/kWh",
    },
  ],
  "power.sources.gas.usPermitDelayTurns": [
    {
      en: "Design: on-site gas avoids most of the interconnection queue (LBNL Queued Up 2024), so a shorter wait",
      de: "Spielentscheidung: Gas vor Ort umgeht den Großteil der Anschlusswarteschlange (LBNL Queued Up 2024), daher eine kürzere Wartezeit",
    },
  ],
  "power.sources.nuclear.costPerGW": [
    {
      en: "AP (May 2023) and EIA (2024): Vogtle 3 and 4 cost about $35B for 2.43 GW = $14,400/kW",
      de: "AP (Mai 2023) und EIA (2024): Vogtle 3 und 4 kosteten etwa 35 Mrd. $ für 2,43 GW = 14.400 $/kW",
    },
  ],
  "power.sources.nuclear.leadTurns": [
    {
      en: "Vogtle 3 and 4: construction 2009 to 2023-24, about 14 years; the game takes 6 years for a next unit",
      de: "Vogtle 3 und 4: Bau von 2009 bis 2023/24, etwa 14 Jahre; das Spiel setzt 6 Jahre für einen weiteren Block an",
    },
  ],
  "power.sources.nuclear.firmFactor": [
    {
      en: "EIA Electric Power Annual 2023: US nuclear capacity factor about 93%",
      de: "EIA Electric Power Annual 2023: Kapazitätsfaktor der US-Kernkraft etwa 93 %",
    },
  ],
  "power.sources.nuclear.emissionsTPerMWh": [
    {
      en: "IPCC AR5 WGIII Annex III (2014): nuclear 12 gCO2e/kWh lifecycle median",
      de: "IPCC AR5 WGIII Annex III (2014): Kernkraft 12 gCO2e/kWh, Median über den Lebenszyklus",
    },
  ],
  "power.sources.nuclear.usPermitDelayTurns": [
    {
      en: "Design: licensing and local approval add about 2 years (halved by reform)",
      de: "Spielentscheidung: Lizenzierung und örtliche Genehmigung kosten etwa 2 Jahre mehr (durch eine Reform halbiert)",
    },
  ],
  "power.dataCenterCostPerGW": [
    {
      en: "Cushman & Wakefield, Data Center Development Cost Guide 2025: $11.7M per MW of critical load, excluding IT",
      de: "Cushman & Wakefield, Data Center Development Cost Guide 2025: 11,7 Mio. $ je MW kritischer Last, ohne IT",
    },
  ],
  "power.dataCenterLeadTurns": [
    {
      en: "Design: about a year to build a data-centre hall (no figure in the sources)",
      de: "Spielentscheidung: etwa ein Jahr für den Bau einer Rechenzentrumshalle (keine Zahl in den Quellen)",
    },
  ],
  "power.usDataCenterPermitDelayTurns": [
    {
      en: "Dominion via Bloomberg, 2024: 4-7 years to connect a large data centre in Virginia; the game adds 2 years to the build, halved by reform",
      de: "Dominion laut Bloomberg, 2024: 4-7 Jahre für den Anschluss eines großen Rechenzentrums in Virginia; das Spiel rechnet 2 Jahre zur Bauzeit hinzu, durch eine Reform halbiert",
    },
  ],
  "us.cash": [
    {
      en: "Derived: one turn's income at the start, as incomePerTurn (FT tally and Q3 2025 earnings: about $380B of capex in 2025)",
      de: "Abgeleitet: das Einkommen einer Runde zu Beginn, wie incomePerTurn (Zählung der FT und Quartalszahlen Q3 2025: etwa 380 Mrd. $ Investitionen im Jahr 2025)",
    },
  ],
  "us.incomePerTurn": [
    {
      en: "FT tally and Q3 2025 earnings: capital spending of Microsoft, Alphabet, Amazon and Meta about $380B in 2025; a half-year = $190B",
      de: "Zählung der FT und Quartalszahlen Q3 2025: Investitionen von Microsoft, Alphabet, Amazon und Meta etwa 380 Mrd. $ im Jahr 2025; ein Halbjahr = 190 Mrd. $",
    },
  ],
  "us.incomeGrowthPerTurn": [
    {
      en: "Capex grew 54% from 2024 ($246B) to 2025 ($380B) (FT, 2025); the game assumes 8% a half-year (about 17% a year) for 2025-32",
      de: "Die Investitionen wuchsen von 2024 (246 Mrd. $) bis 2025 (380 Mrd. $) um 54 % (FT, 2025); das Spiel nimmt für 2025-32 8 % je Halbjahr an (etwa 17 % pro Jahr)",
    },
  ],
  "us.fleetH100e": [
    {
      en: "Epoch AI, AI Chip Owners (Apr 2026): US firms hold about 14.8M H100e in early 2026; back 1.25 years at 2.3x a year (Epoch AI, Feb 2025) = about 5.2M at the start of 2025",
      de: "Epoch AI, AI Chip Owners (Apr. 2026): US-Unternehmen besitzen Anfang 2026 etwa 14,8 Mio. H100e; 1,25 Jahre zurückgerechnet mit dem 2,3-Fachen pro Jahr (Epoch AI, Feb. 2025) = etwa 5,2 Mio. zu Beginn des Jahres 2025",
    },
  ],
  "us.frontierSupplyPerTurn": [
    {
      en: "Nvidia GTC, Mar 2025: 3.6M Blackwell GPUs to the top four US clouds in 2025; x 2.28 H100e / 2 = 4.1M H100e a half-year",
      de: "Nvidia GTC, März 2025: 3,6 Mio. Blackwell-GPUs an die vier größten US-Clouds im Jahr 2025; × 2,28 H100e / 2 = 4,1 Mio. H100e je Halbjahr",
    },
    {
      en: "Design what-if: 30% of the baseline's 4.1M H100e a half-year (Nvidia GTC, Mar 2025), since frontier chips are made at Taiwanese fabs",
      de: "Gedankenspiel (Spielentscheidung): 30 % der 4,1 Mio. H100e je Halbjahr des Grundszenarios (Nvidia GTC, März 2025), da Spitzenchips in taiwanischen Fabriken gefertigt werden",
    },
  ],
  "us.frontierSupplyGrowthPerTurn": [
    {
      en: "Epoch AI, Feb 2025: the Nvidia compute stock grows 2.3x a year; the game takes supply growth lower (20% a half-year) over the longer horizon",
      de: "Epoch AI, Feb. 2025: Der Bestand an Nvidia-Rechenleistung wächst jährlich auf das 2,3-Fache; das Spiel setzt das Lieferwachstum über den längeren Zeitraum niedriger an (20 % je Halbjahr)",
    },
  ],
  "us.oppositionChancePerTurn": [
    {
      en: "Design, after LBNL Queued Up 2024 (only 14% of queued projects get built): chance a turn that local opposition delays a US project",
      de: "Spielentscheidung nach LBNL Queued Up 2024 (nur 14 % der Projekte in der Warteschlange werden gebaut): Wahrscheinlichkeit je Runde, dass örtlicher Widerstand ein US-Projekt verzögert",
    },
  ],
  "us.reformCostToVote": [
    {
      en: "Design: $B of political effort that brings a permitting bill to a vote",
      de: "Spielentscheidung: Mrd. $ an politischem Aufwand, der einen Gesetzentwurf zur Genehmigungsreform zur Abstimmung bringt",
    },
  ],
  "us.reformPassChance": [
    {
      en: "Design: the bill passes half the time (the Energy Permitting Reform Act of 2024 did not become law)",
      de: "Spielentscheidung: Der Entwurf wird in der Hälfte der Fälle angenommen (der Energy Permitting Reform Act of 2024 wurde nicht Gesetz)",
    },
  ],
  "us.reformStep": [
    {
      en: "Design: a passed reform removes half of the remaining permitting delay and opposition risk",
      de: "Spielentscheidung: Eine beschlossene Reform halbiert die verbleibende Genehmigungsdauer und das Risiko örtlichen Widerstands",
    },
  ],
  "us.reformIncomeCost": [
    {
      en: "Design: the political cost of a passed reform, a 5% dip in income for two turns",
      de: "Spielentscheidung: der politische Preis einer beschlossenen Reform, 5 % weniger Einkommen für zwei Runden",
    },
  ],
  "us.energy.powerGW.grid": [
    {
      en: "Demand of the starting fleet: 5.2M H100e x 1.15 kW x PUE 1.3 = 7.8 GW (US data centres used 176 TWh in 2023, about 20 GW on average, LBNL Dec 2024; AI is part of it)",
      de: "Bedarf des Anfangsbestands: 5,2 Mio. H100e × 1,15 kW × PUE 1,3 = 7,8 GW (US-Rechenzentren verbrauchten 2023 176 TWh, im Mittel etwa 20 GW, LBNL Dez. 2024; KI ist ein Teil davon)",
    },
  ],
  "us.energy.powerGW.solar": [NEW_BUILDS],
  "us.energy.powerGW.wind": [NEW_BUILDS],
  "us.energy.powerGW.gas": [NEW_BUILDS],
  "us.energy.powerGW.nuclear": [NEW_BUILDS],
  "us.energy.gridEmissionsTPerMWh": [
    {
      en: "EIA FAQ (2023): US grid 0.81 lb CO2/kWh = 367 g/kWh",
      de: "EIA FAQ (2023): US-Stromnetz 0,81 lb CO2/kWh = 367 g/kWh",
    },
  ],
  "us.energy.dataCenterGW": [
    {
      en: "Derived: halls for the starting fleet, 5.2M H100e x 1.15 kW x PUE 1.3 = 7.8 GW (Epoch AI 2025-26; Uptime Institute 2024)",
      de: "Abgeleitet: Hallen für den Anfangsbestand, 5,2 Mio. H100e × 1,15 kW × PUE 1,3 = 7,8 GW (Epoch AI 2025-26; Uptime Institute 2024)",
    },
  ],
  "us.energy.pipelineGWPerTurn": [
    {
      en: "LBNL, Dec 2024: 325 TWh in 2028 (low case) less 183 TWh in 2024 (IEA Energy & AI 2025) = 142 TWh = 16.2 GW more by 2028, about 2.0 GW a half-year",
      de: "LBNL, Dez. 2024: 325 TWh im Jahr 2028 (niedriger Fall) abzüglich 183 TWh im Jahr 2024 (IEA Energy & AI 2025) = 142 TWh = 16,2 GW mehr bis 2028, etwa 2,0 GW je Halbjahr",
    },
  ],
  "us.energy.pipelineTurns": [
    {
      en: "The LBNL projection runs to 2028: 8 half-years from 2025 H1",
      de: "Die LBNL-Projektion reicht bis 2028: 8 Halbjahre ab dem 1. Hj. 2025",
    },
  ],
  "us.energy.electricityPricePerKWh": [
    {
      en: "EIA: US industrial power price about 8.1 c/kWh (2023)",
      de: "EIA: US-Industriestrompreis etwa 8,1 ct/kWh (2023)",
    },
  ],
  "us.energy.buildCostFactor": [
    {
      en: "Design: US building costs are the reference, 1.0 (LBNL 2024 and Cushman & Wakefield 2025 costs are US costs)",
      de: "Spielentscheidung: US-Baukosten sind der Bezugswert, 1,0 (die Kosten von LBNL 2024 und Cushman & Wakefield 2025 sind US-Kosten)",
    },
  ],
  "china.cash": [
    {
      en: "Derived: one turn's income at the start, as incomePerTurn (FT, 21st Century Business Herald, Alibaba and Reuters, 2024-2025)",
      de: "Abgeleitet: das Einkommen einer Runde zu Beginn, wie incomePerTurn (FT, 21st Century Business Herald, Alibaba und Reuters, 2024-2025)",
    },
  ],
  "china.incomePerTurn": [
    {
      en: "ByteDance 150B + Tencent about 100B + Alibaba 380B/3 yuan = 377B yuan, about $52B in 2025 (FT; 21st Century Business Herald; Alibaba, 2025), plus Big Fund III 344B yuan ($47.5B) over 10 years (Reuters, May 2024): $26B + $2.4B a half-year",
      de: "ByteDance 150 Mrd. + Tencent etwa 100 Mrd. + Alibaba 380 Mrd./3 Yuan = 377 Mrd. Yuan, etwa 52 Mrd. $ im Jahr 2025 (FT; 21st Century Business Herald; Alibaba, 2025), dazu Big Fund III mit 344 Mrd. Yuan (47,5 Mrd. $) über 10 Jahre (Reuters, Mai 2024): 26 Mrd. $ + 2,4 Mrd. $ je Halbjahr",
    },
  ],
  "china.incomeGrowthPerTurn": [
    {
      en: "Design: the same growth as the US, so that budgets do not decide the match by themselves (ByteDance capex +88% in 2025, FT Dec 2025)",
      de: "Spielentscheidung: dasselbe Wachstum wie in den USA, damit die Budgets die Partie nicht allein entscheiden (ByteDance-Investitionen +88 % im Jahr 2025, FT Dez. 2025)",
    },
  ],
  "china.fleet.frontier": [
    {
      en: "China's start of 1.04M H100e (US 5.2M / 5, from Epoch AI's 75% vs 15% shares of cluster compute, May 2025) less export-grade and domestic chips: older A100/H800 purchases and smuggled chips (CNAS, 2025)",
      de: "Chinas Anfangsbestand von 1,04 Mio. H100e (USA 5,2 Mio. / 5, aus den Anteilen von 75 % gegenüber 15 % an der Cluster-Rechenleistung laut Epoch AI, Mai 2025) abzüglich Export- und heimischer Chips: ältere A100/H800-Käufe und geschmuggelte Chips (CNAS, 2025)",
    },
  ],
  "china.fleet.exportGrade": [
    {
      en: "Over 1M H20 sold to China in 2024 (SemiAnalysis via FT, Jul 2024) x 0.15 H100e",
      de: "Über 1 Mio. H20 im Jahr 2024 an China verkauft (SemiAnalysis laut FT, Jul. 2024) × 0,15 H100e",
    },
  ],
  "china.fleet.domestic": [
    {
      en: "About 200k Ascend 910B made in 2024 (FT via DIGITIMES Asia, Feb 2025), each half a 910C (two 910B dies) = 0.3 H100e",
      de: "Etwa 200.000 Ascend 910B im Jahr 2024 gefertigt (FT laut DIGITIMES Asia, Feb. 2025), jeder ein halber 910C (zwei 910B-Dies) = 0,3 H100e",
    },
  ],
  "china.subsidyMax": [
    {
      en: "FT, Nov 2025: up to 50% off the power bill for data centres running domestic chips",
      de: "FT, Nov. 2025: bis zu 50 % Nachlass auf die Stromrechnung für Rechenzentren mit heimischen Chips",
    },
  ],
  "china.subsidyCentralShare": [
    {
      en: "Design: the central budget pays 30% of the subsidy; provinces (Gansu, Guizhou, Inner Mongolia, FT Nov 2025) pay the rest",
      de: "Spielentscheidung: Der Zentralhaushalt zahlt 30 % der Subvention; die Provinzen (Gansu, Guizhou, Innere Mongolei, FT Nov. 2025) zahlen den Rest",
    },
  ],
  "china.subsidyGWPerTurn": [
    {
      en: "Design (0.6 until v2.3, 0.2 until v3, see docs/balance/README.md): at the full subsidy the western provinces that pay it (Gansu, Guizhou, Inner Mongolia: FT, Nov 2025) connect this much firm power with halls for domestic-chip data centres each half-year, in proportion to the rate; China added 277 GW of solar and 80 GW of wind in 2024 (NEA), so the power exists and the subsidy decides how much of it goes to AI",
      de: "Spielentscheidung (früher 0,6, dann 0,2, siehe docs/balance/README.md): Bei voller Subvention schließen die westlichen Provinzen, die sie zahlen (Gansu, Guizhou, Innere Mongolei: FT, Nov. 2025), je Halbjahr so viel gesicherte Leistung mit Hallen für Rechenzentren mit heimischen Chips an, anteilig zum Satz; China baute 2024 277 GW Solar- und 80 GW Windkraft zu (NEA), der Strom ist also da, und die Subvention entscheidet, wie viel davon in KI fließt",
    },
  ],
  "china.domestic.h100ePerChip": [
    {
      en: "SemiAnalysis 2025; DeepSeek tests: Ascend 910C about 60% of an H100 in practice",
      de: "SemiAnalysis 2025; Tests von DeepSeek: Ascend 910C in der Praxis etwa 60 % eines H100",
    },
  ],
  "china.domestic.wafersPerMonth": [
    {
      en: "SemiAnalysis; Morgan Stanley: SMIC advanced capacity 45k wafers/month at end-2025 (60k 2026, 80k 2027)",
      de: "SemiAnalysis; Morgan Stanley: fortgeschrittene SMIC-Kapazität Ende 2025 45.000 Wafer/Monat (2026 60.000, 2027 80.000)",
    },
  ],
  "china.domestic.aiFabShare": [
    {
      en: "SemiAnalysis, Sep 2025: about 805k Huawei accelerators in 2025 (BIS: 200k), against 45k x 12 x 0.30 x 39 / 2 = 3.16M a year at full capacity: about 25%",
      de: "SemiAnalysis, Sep. 2025: etwa 805.000 Huawei-Beschleuniger im Jahr 2025 (BIS: 200.000), gegenüber 45.000 × 12 × 0,30 × 39 / 2 = 3,16 Mio. pro Jahr bei voller Kapazität: etwa 25 %",
    },
  ],
  "china.domestic.yield": [
    {
      en: "SemiAnalysis (2025); Morgan Stanley (2025): SMIC advanced-node yield about 30%",
      de: "SemiAnalysis (2025); Morgan Stanley (2025): SMIC-Ausbeute bei fortgeschrittenen Knoten etwa 30 %",
    },
  ],
  "china.domestic.diesPerWafer": [
    {
      en: "SemiAnalysis (2025): 39 Ascend 910C dies per wafer",
      de: "SemiAnalysis (2025): 39 Ascend-910C-Dies je Wafer",
    },
  ],
  "china.domestic.diesPerChip": [
    {
      en: "udn.com, Sep 2025: the 910C packages two 910B dies",
      de: "udn.com, Sep. 2025: Der 910C vereint zwei 910B-Dies in einem Package",
    },
  ],
  "china.domestic.hbmStock": [
    {
      en: "SemiAnalysis, Sep 2025: a stockpile of about 13M HBM stacks",
      de: "SemiAnalysis, Sep. 2025: ein Vorrat von etwa 13 Mio. HBM-Stapel",
    },
  ],
  "china.domestic.hbmStacksPerChip": [
    {
      en: "SemiAnalysis, Sep 2025: 13M stacks are enough for about 1.6M 910C: 13 / 1.6 = 8.1",
      de: "SemiAnalysis, Sep. 2025: 13 Mio. Stapel reichen für etwa 1,6 Mio. 910C: 13 / 1,6 = 8,1",
    },
  ],
  "china.domestic.hbmProductionPerTurn": [
    {
      en: "SemiAnalysis, Sep 2025: output could fall to about 300k chips in 2026 once the stockpile is used: 300k x 8.1 / 2 = 1.2M stacks a half-year",
      de: "SemiAnalysis, Sep. 2025: Die Produktion könnte 2026 auf etwa 300.000 Chips fallen, sobald der Vorrat verbraucht ist: 300.000 × 8,1 / 2 = 1,2 Mio. Stapel je Halbjahr",
    },
  ],
  "china.domestic.fabCostPer1kWpm": [
    {
      en: "Design: no figure in the sources; assumption of $0.5B per 1,000 wafers/month of 7 nm-class capacity (a 50k-wafer fab at about $25B)",
      de: "Spielentscheidung: keine Zahl in den Quellen; Annahme von 0,5 Mrd. $ je 1.000 Wafer/Monat an Kapazität der 7-nm-Klasse (eine Fabrik für 50.000 Wafer für etwa 25 Mrd. $)",
    },
  ],
  "china.domestic.fabLeadTurns": [
    {
      en: "Design: about two years to equip new advanced capacity (SMIC 45k to 80k wafers/month over 2025-27, SemiAnalysis)",
      de: "Spielentscheidung: etwa zwei Jahre, um neue fortgeschrittene Kapazität auszurüsten (SMIC von 45.000 auf 80.000 Wafer/Monat in 2025-27, SemiAnalysis)",
    },
  ],
  "china.domestic.hbmCostPerMStacks": [
    {
      en: "Design: no figure in the sources; assumption of $2B for 1M HBM stacks a half-year of capacity",
      de: "Spielentscheidung: keine Zahl in den Quellen; Annahme von 2 Mrd. $ für eine Kapazität von 1 Mio. HBM-Stapel je Halbjahr",
    },
  ],
  "china.domestic.hbmLeadTurns": [
    {
      en: "Design: about 18 months to bring up an HBM line",
      de: "Spielentscheidung: etwa 18 Monate, um eine HBM-Linie in Betrieb zu nehmen",
    },
  ],
  "china.domestic.perfGainPerLevel": [
    {
      en: "Design: 30% more compute per chip per generation (Huawei Connect, Sep 2025: Ascend 950 in 2026, 960 in 2027, 970 in 2028)",
      de: "Spielentscheidung: 30 % mehr Rechenleistung je Chip und Generation (Huawei Connect, Sep. 2025: Ascend 950 im Jahr 2026, 960 im Jahr 2027, 970 im Jahr 2028)",
    },
  ],
  "china.domestic.roadmapLevelsPerTurn": [
    {
      en: "Huawei Connect, Sep 2025: one Ascend generation a year = 0.5 a half-year",
      de: "Huawei Connect, Sep. 2025: eine Ascend-Generation pro Jahr = 0,5 je Halbjahr",
    },
  ],
  "china.leases.japan": [
    {
      en: "FT, Dec 2025: Tencent uses 15k Blackwell chips in Osaka; x 2.28 H100e",
      de: "FT, Dez. 2025: Tencent nutzt 15.000 Blackwell-Chips in Osaka; × 2,28 H100e",
    },
  ],
  "china.leases.australia": [
    {
      en: "FT, Dec 2025 mentions a Tencent site in Sydney without a size: starts at zero",
      de: "FT, Dez. 2025, erwähnt einen Tencent-Standort in Sydney ohne Größenangabe: beginnt bei null",
    },
  ],
  "china.leases.singapore": [
    {
      en: "FT, Nov 2025: Alibaba and ByteDance lease in Singapore; no size reported: starts at zero",
      de: "FT, Nov. 2025: Alibaba und ByteDance mieten in Singapur; keine Größe berichtet: beginnt bei null",
    },
  ],
  "china.leases.malaysia": [
    {
      en: "WSJ, Jun 2025: one firm trained on about 300 rented servers in Malaysia; x 8 GPUs (H100 class)",
      de: "WSJ, Jun. 2025: Ein Unternehmen trainierte auf etwa 300 gemieteten Servern in Malaysia; × 8 GPUs (H100-Klasse)",
    },
  ],
  "china.leases.indonesia": [
    {
      en: "WSJ, 2025: about 2,300 Blackwell GPUs rented through a local telecom firm; x 2.28 H100e",
      de: "WSJ, 2025: etwa 2.300 Blackwell-GPUs über ein örtliches Telekommunikationsunternehmen gemietet; × 2,28 H100e",
    },
  ],
  "china.energy.powerGW.grid": [
    {
      en: "Derived: demand of the starting fleet, (0.83M x 1.15 + 0.15M x 4.4 + 0.06M x 2.3 x 1.15) kW x PUE 1.3 = 2.305 GW, rounded up to 2.31 (Epoch AI 2025; SemiAnalysis 2024-25; the domestic chips at 2.3x the H100's power per H100e, chips.domesticPowerRatio)",
      de: "Abgeleitet: Bedarf des Anfangsbestands, (0,83 Mio. × 1,15 + 0,15 Mio. × 4,4 + 0,06 Mio. × 2,3 × 1,15) kW × PUE 1,3 = 2,305 GW, aufgerundet auf 2,31 (Epoch AI 2025; SemiAnalysis 2024-25; die heimischen Chips mit dem 2,3-Fachen der Leistungsaufnahme des H100 je H100e, chips.domesticPowerRatio)",
    },
  ],
  "china.energy.powerGW.solar": [NEW_BUILDS],
  "china.energy.powerGW.wind": [NEW_BUILDS],
  "china.energy.powerGW.gas": [NEW_BUILDS],
  "china.energy.powerGW.nuclear": [NEW_BUILDS],
  "china.energy.gridEmissionsTPerMWh": [
    {
      en: "China Ministry of Ecology and Environment, Dec 2024: grid factor 0.5366 kgCO2/kWh (2022)",
      de: "Chinesisches Ministerium für Ökologie und Umwelt, Dez. 2024: Netzfaktor 0,5366 kgCO2/kWh (2022)",
    },
  ],
  "china.energy.dataCenterGW": [
    {
      en: "Derived: halls for the starting fleet, the same 2.31 GW as powerGW.grid (Epoch AI 2025; SemiAnalysis 2024-25)",
      de: "Abgeleitet: Hallen für den Anfangsbestand, dieselben 2,31 GW wie powerGW.grid (Epoch AI 2025; SemiAnalysis 2024-25)",
    },
  ],
  "china.energy.pipelineGWPerTurn": [
    {
      en: "IEA Energy & AI 2025: China's data centres 102 TWh (2024) to 277 TWh (2030) = 175 TWh / 8,760 h = 20 GW more over 12 half-years, 1.66 GW a half-year, for all of China's data centres (cloud, storage, telecom as well as AI). Design: the game counts 10% of it as halls with power ready for AI accelerators (no split is reported): 1.66 x 0.1 = 0.17 GW a half-year (at 20%, with the subsidy's 0.6 GW, China's free power outgrew its fleet so far that its own data centres and power moved the lead by under 0.1 months; docs/balance/README.md, v2.3)",
      de: "IEA Energy & AI 2025: Chinas Rechenzentren von 102 TWh (2024) auf 277 TWh (2030) = 175 TWh / 8.760 h = 20 GW mehr über 12 Halbjahre, 1,66 GW je Halbjahr, für alle Rechenzentren Chinas (Cloud, Speicher, Telekommunikation wie KI). Spielentscheidung: Das Spiel zählt 10 % davon als Hallen mit Strom für KI-Beschleuniger (keine Aufteilung berichtet): 1,66 × 0,1 = 0,17 GW je Halbjahr (bei 20 % und den 0,6 GW der Subvention wuchs Chinas freier Strom seiner Flotte so weit davon, dass seine eigenen Rechenzentren und Kraftwerke den Vorsprung um weniger als 0,1 Monate bewegten; docs/balance/README.md)",
    },
  ],
  "china.energy.pipelineTurns": [
    {
      en: "The IEA projection runs to 2030: 12 half-years from 2025 H1",
      de: "Die IEA-Projektion reicht bis 2030: 12 Halbjahre ab dem 1. Hj. 2025",
    },
  ],
  "china.energy.electricityPricePerKWh": [
    {
      en: "China Briefing: industrial power price about 8.8 c/kWh (2024)",
      de: "China Briefing: Industriestrompreis etwa 8,8 ct/kWh (2024)",
    },
  ],
  "china.energy.buildCostFactor": [
    {
      en: "IRENA, Renewable Power Generation Costs in 2024: solar $691/kW (weighted towards China) against $1,430/kW in the US (LBNL): 0.48",
      de: "IRENA, Renewable Power Generation Costs in 2024: Solar 691 $/kW (mit starkem Gewicht Chinas) gegenüber 1.430 $/kW in den USA (LBNL): 0,48",
    },
  ],
  "hosts.japan.capacityGW": [
    {
      en: "CapitaLand Investment via W.Media, 2024: Japan about 1.4 GW",
      de: "CapitaLand Investment laut W.Media, 2024: Japan etwa 1,4 GW",
    },
  ],
  "hosts.japan.capacityGrowthPerTurn": [
    {
      en: "Cushman & Wakefield: Asia-Pacific 12.6 GW operating in H1 2025, over 14 GW at end-2025: +11% a half-year",
      de: "Cushman & Wakefield: Asien-Pazifik 12,6 GW in Betrieb im 1. Hj. 2025, über 14 GW Ende 2025: +11 % je Halbjahr",
    },
  ],
  "hosts.japan.foreignAiShare": [FOREIGN_AI_SHARE],
  "hosts.japan.openness": [OPENNESS],
  "hosts.japan.strictness": [STRICTNESS],
  "hosts.japan.influenceUs": [GOODWILL],
  "hosts.japan.influenceChina": [GOODWILL],
  "hosts.japan.leaseUsdPerH100eTurn": [LEASE_PRICE],
  "hosts.japan.capacityMaxGW": [
    {
      en: "Design: no pipeline figure for Japan in the sources; 3 GW, about twice today's 1.4 GW (CapitaLand via W.Media, 2024)",
      de: "Spielentscheidung: keine Zahl zu geplanten Projekten in Japan in den Quellen; 3 GW, etwa das Doppelte der heutigen 1,4 GW (CapitaLand laut W.Media, 2024)",
    },
  ],
  "hosts.australia.capacityGW": [
    {
      en: "Cushman & Wakefield via Property Council, 2024: about 1.2 GW live",
      de: "Cushman & Wakefield laut Property Council, 2024: etwa 1,2 GW in Betrieb",
    },
  ],
  "hosts.australia.capacityGrowthPerTurn": [
    {
      en: "DC Byte, 2026: about 1.4 GW at end-2025 to 3.1 GW by 2030: 3.1/1.4 over 10 half-years = +8% each",
      de: "DC Byte, 2026: von etwa 1,4 GW Ende 2025 auf 3,1 GW bis 2030: 3,1/1,4 über 10 Halbjahre = je +8 %",
    },
  ],
  "hosts.australia.foreignAiShare": [FOREIGN_AI_SHARE],
  "hosts.australia.openness": [OPENNESS],
  "hosts.australia.strictness": [STRICTNESS],
  "hosts.australia.influenceUs": [GOODWILL],
  "hosts.australia.influenceChina": [GOODWILL],
  "hosts.australia.leaseUsdPerH100eTurn": [LEASE_PRICE],
  "hosts.australia.capacityMaxGW": [
    { en: "DC Byte, 2026: about 3.1 GW by 2030", de: "DC Byte, 2026: etwa 3,1 GW bis 2030" },
  ],
  "hosts.singapore.capacityGW": [
    {
      en: "Straits Times, May 2024: about 1.4 GW in 70+ data centres",
      de: "Straits Times, Mai 2024: etwa 1,4 GW in über 70 Rechenzentren",
    },
  ],
  "hosts.singapore.capacityGrowthPerTurn": [
    {
      en: "Straits Times, May 2024: +500 MW planned after the 2019-22 moratorium; over about 8 half-years = +4% each",
      de: "Straits Times, Mai 2024: +500 MW geplant nach dem Moratorium von 2019-22; über etwa 8 Halbjahre = je +4 %",
    },
  ],
  "hosts.singapore.foreignAiShare": [FOREIGN_AI_SHARE],
  "hosts.singapore.openness": [OPENNESS],
  "hosts.singapore.strictness": [STRICTNESS],
  "hosts.singapore.influenceUs": [GOODWILL],
  "hosts.singapore.influenceChina": [GOODWILL],
  "hosts.singapore.leaseUsdPerH100eTurn": [LEASE_PRICE],
  "hosts.singapore.capacityMaxGW": [
    {
      en: "Straits Times, May 2024: 1.4 GW plus 500 MW planned = 1.9 GW",
      de: "Straits Times, Mai 2024: 1,4 GW plus 500 MW geplant = 1,9 GW",
    },
  ],
  "hosts.malaysia.capacityGW": [
    {
      en: "Cushman & Wakefield: Johor about 400 MW operating in 2024",
      de: "Cushman & Wakefield: Johor etwa 400 MW in Betrieb im Jahr 2024",
    },
  ],
  "hosts.malaysia.capacityGrowthPerTurn": [
    {
      en: "Knight Frank; Cushman & Wakefield: Johor 5.8 GW with the pipeline (2025); 0.4 to 5.8 GW in 5 years = +31% a half-year",
      de: "Knight Frank; Cushman & Wakefield: Johor 5,8 GW samt geplanten Projekten (2025); 0,4 auf 5,8 GW in 5 Jahren = +31 % je Halbjahr",
    },
  ],
  "hosts.malaysia.foreignAiShare": [FOREIGN_AI_SHARE],
  "hosts.malaysia.openness": [OPENNESS],
  "hosts.malaysia.strictness": [STRICTNESS],
  "hosts.malaysia.influenceUs": [GOODWILL],
  "hosts.malaysia.influenceChina": [GOODWILL],
  "hosts.malaysia.leaseUsdPerH100eTurn": [LEASE_PRICE],
  "hosts.malaysia.capacityMaxGW": [
    {
      en: "Knight Frank; Cushman & Wakefield (2025): Johor 5.8 GW with the pipeline",
      de: "Knight Frank; Cushman & Wakefield (2025): Johor 5,8 GW samt geplanten Projekten",
    },
  ],
  "hosts.indonesia.capacityGW": [
    {
      en: "Indonesian Ministry of Communication and Digital Affairs, Jun 2025: 290 MW",
      de: "Indonesisches Ministerium für Kommunikation und Digitales, Jun. 2025: 290 MW",
    },
  ],
  "hosts.indonesia.capacityGrowthPerTurn": [
    {
      en: "Same ministry: 900 MW targeted for end-2025; taken as reached in 3 years: 3.1x over 6 half-years = +20% each",
      de: "Dasselbe Ministerium: 900 MW bis Ende 2025 angestrebt; als in 3 Jahren erreicht angesetzt: 3,1-fach über 6 Halbjahre = je +20 %",
    },
  ],
  "hosts.indonesia.foreignAiShare": [FOREIGN_AI_SHARE],
  "hosts.indonesia.openness": [OPENNESS],
  "hosts.indonesia.strictness": [STRICTNESS],
  "hosts.indonesia.influenceUs": [GOODWILL],
  "hosts.indonesia.influenceChina": [GOODWILL],
  "hosts.indonesia.leaseUsdPerH100eTurn": [LEASE_PRICE],
  "hosts.indonesia.capacityMaxGW": [
    {
      en: "Indonesian Ministry of Communication and Digital Affairs, Jun 2025: 900 MW targeted",
      de: "Indonesisches Ministerium für Kommunikation und Digitales, Jun. 2025: 900 MW angestrebt",
    },
  ],
  "levers.enforcementRef": [
    {
      en: "Design: BIS had $191M a year (FY2024, Export Compliance Daily), about $0.1B a half-year; catching most shipments abroad needs far more (investigators and end-use checks in every transit host): the lever's reference is $3B a half-year, thirty times BIS's budget",
      de: "Spielentscheidung: Das BIS hatte 191 Mio. $ pro Jahr (Haushaltsjahr 2024, Export Compliance Daily), etwa 0,1 Mrd. $ je Halbjahr; die meisten Lieferungen im Ausland abzufangen, braucht weit mehr (Ermittler und Endverbleibskontrollen in jedem Durchgangsland): Der Bezugswert des Hebels ist 3 Mrd. $ je Halbjahr, das Dreißigfache des BIS-Budgets",
    },
  ],
  "levers.enforcementDecay": [
    {
      en: "Design: enforcement capacity fades by 30% a half-year without new money",
      de: "Spielentscheidung: Die Kontrollkapazität schwindet ohne neues Geld um 30 % je Halbjahr",
    },
  ],
  "levers.detectionBase": [
    {
      en: "Design, after CNAS 2025 (about 140k chips smuggled in 2024 despite enforcement): a shipment is caught 10% of the time at today's effort",
      de: "Spielentscheidung nach CNAS 2025 (etwa 140.000 geschmuggelte Chips im Jahr 2024 trotz Kontrollen): Beim heutigen Aufwand wird eine Lieferung in 10 % der Fälle entdeckt",
    },
  ],
  "levers.detectionMax": [
    {
      en: "Design: even heavy enforcement and strict hosts catch at most 75% of shipments",
      de: "Spielentscheidung: Selbst scharfe Kontrollen und strenge Gastländer fangen höchstens 75 % der Lieferungen ab",
    },
  ],
  "levers.pressureRef": [
    {
      en: "Design: $B of diplomatic and trade effort for most of the effect on one host",
      de: "Spielentscheidung: Mrd. $ an diplomatischem und handelspolitischem Aufwand für den Großteil der Wirkung auf ein Gastland",
    },
  ],
  "levers.pressureOpennessEffect": [
    {
      en: "Design: the most one turn of pressure can lower a host's openness",
      de: "Spielentscheidung: um so viel kann eine Runde Druck die Offenheit eines Gastlands höchstens senken",
    },
  ],
  "levers.toolPressureRef": [
    {
      en: "Design: $B of effort on tool-making allies for most of the effect",
      de: "Spielentscheidung: Mrd. $ an Aufwand bei verbündeten Anlagenherstellern für den Großteil der Wirkung",
    },
  ],
  "levers.toolPressureDecay": [
    {
      en: "Design: tool restrictions erode by a quarter a half-year without new effort",
      de: "Spielentscheidung: Beschränkungen für Fertigungsanlagen bröckeln ohne neuen Aufwand um ein Viertel je Halbjahr",
    },
  ],
  "levers.courtRef": [
    {
      en: "Design: $B of investment and deals for most of the effect on one host",
      de: "Spielentscheidung: Mrd. $ an Investitionen und Abkommen für den Großteil der Wirkung auf ein Gastland",
    },
  ],
  "levers.courtOpennessEffect": [
    {
      en: "Design: the most one turn of courting can raise a host's openness (in proportion to the room left)",
      de: "Spielentscheidung: um so viel kann eine Runde Umwerben die Offenheit eines Gastlands höchstens heben (anteilig zum verbleibenden Spielraum)",
    },
  ],
  "levers.hostDrift": [
    {
      en: "Design: hosts drift back towards their starting stance by 15% a half-year",
      de: "Spielentscheidung: Gastländer kehren je Halbjahr um 15 % zu ihrer Ausgangshaltung zurück",
    },
  ],
  "levers.influenceDrift": [
    {
      en: "Design (2026): goodwill fades like openness; each side's influence with a host drifts back towards its starting value by 15% a half-year, so keeping a host's regard takes steady courting, publishing or co-funding",
      de: "Spielentscheidung (2026): Wohlwollen verblasst wie Offenheit; der Einfluss jeder Seite in einem Gastland kehrt je Halbjahr um 15 % zu seinem Ausgangswert zurück, sodass es stetes Umwerben, Veröffentlichen oder Mitfinanzieren braucht, um es zu halten",
    },
  ],
  "levers.algoRef": [
    {
      en: "Design: $B of research for most of the extra algorithmic progress",
      de: "Spielentscheidung: Mrd. $ an Forschung für den Großteil des zusätzlichen algorithmischen Fortschritts",
    },
  ],
  "levers.algoMaxBoost": [
    {
      en: "Design: research can add at most 15% efficiency a half-year on top of the field's 2.8x a year (Ho et al. 2024)",
      de: "Spielentscheidung: Forschung kann je Halbjahr höchstens 15 % Effizienz zusätzlich zum 2,8-Fachen pro Jahr des ganzen Fachgebiets bringen (Ho et al. 2024)",
    },
  ],
  "levers.chipResearchRef": [
    {
      en: "Design: $B of chip design spending for most of the extra progress",
      de: "Spielentscheidung: Mrd. $ für Chipentwicklung für den Großteil des zusätzlichen Fortschritts",
    },
  ],
  "levers.chipResearchLevelsMax": [
    {
      en: "Design: research can at most double the roadmap's pace (0.5 extra generations a half-year)",
      de: "Spielentscheidung: Forschung kann das Tempo der Roadmap höchstens verdoppeln (0,5 zusätzliche Generationen je Halbjahr)",
    },
  ],
  "levers.publishInfluence": [
    {
      en: "Design: influence with every host for releasing open-weight models",
      de: "Spielentscheidung: Einfluss bei jedem Gastland für die Veröffentlichung offener Modelle",
    },
  ],
  "levers.publishSpillover": [
    {
      en: "Design: in a turn a side publishes open-weight models, a rival behind it closes 10% more of its capability gap (in log terms) by studying them, on top of its fast following",
      de: "Spielentscheidung: In einer Runde, in der eine Seite Modelle mit offenen Gewichten veröffentlicht, schließt ein zurückliegender Rivale 10 % mehr seines Fähigkeitsrückstands (logarithmisch gemessen), indem er sie studiert, zusätzlich zu seinem schnellen Nachziehen",
    },
  ],
  "levers.publishSelfBoost": [
    {
      en: "Design: outside contributors improve the publisher's training run by 10% in each turn it publishes; it does not build up from turn to turn",
      de: "Spielentscheidung: Beiträge von außen verbessern den Trainingslauf des Veröffentlichenden in jeder Runde, in der er veröffentlicht, um 10 %; der Effekt summiert sich nicht von Runde zu Runde",
    },
  ],
  "levers.intelRef": [
    {
      en: "Design: $B of intelligence for most of the effect",
      de: "Spielentscheidung: Mrd. $ für Nachrichtendienste für den Großteil der Wirkung",
    },
  ],
  "levers.intelDecay": [
    {
      en: "Design: intelligence goes stale by 30% a half-year",
      de: "Spielentscheidung: Erkenntnisse der Nachrichtendienste veralten um 30 % je Halbjahr",
    },
  ],
  "levers.intelBaseSigma": [
    {
      en: "Design: without intelligence, estimates are off by a factor of about 1.6 (one standard deviation)",
      de: "Spielentscheidung: Ohne Nachrichtendienste liegen Schätzungen um etwa den Faktor 1,6 daneben (eine Standardabweichung)",
    },
  ],
  "levers.leaseDetectionMax": [
    {
      en: "Design: with the best intelligence, a lease in a host is seen exactly 60% of the time",
      de: "Spielentscheidung: Mit den besten Erkenntnissen wird eine Miete in einem Gastland in genau 60 % der Fälle bemerkt",
    },
  ],
  "levers.subsidyAllyInfluence": [
    {
      en: "Design: US influence gained with a host by co-funding its data centres",
      de: "Spielentscheidung: Einfluss, den die USA bei einem Gastland durch Mitfinanzierung seiner Rechenzentren gewinnen",
    },
  ],
  "levers.remoteRuleCutShare": [
    {
      en: "Design: where a host applies the remote-access rule, 80% of Chinese leases end each half-year",
      de: "Spielentscheidung: Wo ein Gastland die Fernzugriffsregel anwendet, enden je Halbjahr 80 % der chinesischen Mieten",
    },
  ],
  "levers.leaseMinTurns": [
    {
      en: "Design after FT, Dec 2025 (Tencent's $1.2B+ of multi-year contracts with a Japanese operator): a lease binds for at least a year, two turns",
      de: "Spielentscheidung nach FT, Dez. 2025 (Tencents mehrjährige Verträge über mehr als 1,2 Mrd. $ mit einem japanischen Betreiber): Eine Miete bindet mindestens ein Jahr, zwei Runden",
    },
  ],
  "levers.leaseOpennessEffect": [
    {
      en: "Design: how much a host opens up to a paying customer (times the saturated lease payment); no figure in the sources",
      de: "Spielentscheidung: wie weit sich ein Gastland einem zahlenden Kunden öffnet (mal der gesättigten Mietzahlung); keine Zahl in den Quellen",
    },
  ],
  "levers.diplomacyUncertainty": [
    {
      en: "Design: the same money buys different goodwill in different capitals; the effect of spending on a host is drawn between half and one and a half times its mean, so the other side sees the result, never the exact spend (2026)",
      de: "Spielentscheidung: Dasselbe Geld kauft in verschiedenen Hauptstädten verschieden viel Wohlwollen; die Wirkung von Ausgaben für ein Gastland wird zwischen dem Halben und dem Anderthalbfachen ihres Mittelwerts gezogen, sodass die andere Seite das Ergebnis sieht, nie die genaue Ausgabe (2026)",
    },
  ],
  "levers.pressureStrictnessEffect": [
    {
      en: "Design: no figure in the sources; a balance coefficient the lab sweeps (was written in pressureHost.ts, 2026): share of the gap to full strictness that saturated pressure closes",
      de: "Spielentscheidung: keine Zahl in den Quellen; ein Balancekoeffizient, den das Labor durchmustert (stand früher in pressureHost.ts, 2026): Anteil des Abstands zur vollen Strenge, den gesättigter Druck schließt",
    },
  ],
  "levers.pressureInfluenceCost": [
    {
      en: "Design: no figure in the sources; a balance coefficient the lab sweeps (pressureHost.ts, 2026): US goodwill points lost per saturated pressure",
      de: "Spielentscheidung: keine Zahl in den Quellen; ein Balancekoeffizient, den das Labor durchmustert (pressureHost.ts, 2026): Wohlwollenspunkte, die die USA je gesättigtem Druck verlieren",
    },
  ],
  "levers.pressureTension": [
    {
      en: "Design: no figure in the sources; a balance coefficient the lab sweeps (pressureHost.ts, 2026): tension added per saturated pressure",
      de: "Spielentscheidung: keine Zahl in den Quellen; ein Balancekoeffizient, den das Labor durchmustert (pressureHost.ts, 2026): Spannung, die je gesättigtem Druck hinzukommt",
    },
  ],
  "levers.leverageBase": [
    {
      en: "Design: no figure in the sources; a balance coefficient the lab sweeps (pressureHost.ts, courtHost.ts, 2026): the share of a push that works without goodwill",
      de: "Spielentscheidung: keine Zahl in den Quellen; ein Balancekoeffizient, den das Labor durchmustert (pressureHost.ts, courtHost.ts, 2026): der Anteil eines Vorstoßes, der ohne Wohlwollen wirkt",
    },
  ],
  "levers.courtInfluence": [
    {
      en: "Design: no figure in the sources; a balance coefficient the lab sweeps (courtHost.ts, 2026): Chinese goodwill points per saturated courting",
      de: "Spielentscheidung: keine Zahl in den Quellen; ein Balancekoeffizient, den das Labor durchmustert (courtHost.ts, 2026): chinesische Wohlwollenspunkte je gesättigtem Umwerben",
    },
  ],
  "levers.allyOpennessShare": [
    {
      en: "Design: no figure in the sources; a balance coefficient the lab sweeps (subsidiseAllies.ts, 2026): co-funding closes a host half as much as courting opens it",
      de: "Spielentscheidung: keine Zahl in den Quellen; ein Balancekoeffizient, den das Labor durchmustert (subsidiseAllies.ts, 2026): Mitfinanzierung verschließt ein Gastland halb so stark, wie Umwerben es öffnet",
    },
  ],
  "levers.allyReservePerGW": [
    {
      en: "Design (2026): each co-funded GW is built for trusted customers and brings a second GW of the host's capacity under the same terms, so co-funding leaves less room for Chinese leases",
      de: "Spielentscheidung (2026): Jedes mitfinanzierte GW wird für vertrauenswürdige Kunden gebaut und bringt ein zweites GW der Kapazität des Gastlands unter dieselben Bedingungen, sodass Mitfinanzierung weniger Raum für chinesische Mieten lässt",
    },
  ],
  "levers.toolPressureTension": [
    {
      en: "Design: no figure in the sources; a balance coefficient the lab sweeps (pressureToolAllies.ts, 2026): tension added per saturated pressure",
      de: "Spielentscheidung: keine Zahl in den Quellen; ein Balancekoeffizient, den das Labor durchmustert (pressureToolAllies.ts, 2026): Spannung, die je gesättigtem Druck hinzukommt",
    },
  ],
  "levers.toolPressureYieldEffect": [
    {
      en: "Design after SemiAnalysis (2025: SMIC yields about 30%, held back by tool access): saturated pressure on tool makers (servicing and spare-part bans) holds China's effective fab yield 30% lower",
      de: "Spielentscheidung nach SemiAnalysis (2025: SMIC-Ausbeute etwa 30 %, gebremst durch den Zugang zu Fertigungsanlagen): Gesättigter Druck auf Anlagenhersteller (Wartungs- und Ersatzteilverbote) hält Chinas effektive Ausbeute um 30 % niedriger",
    },
  ],
  "levers.toolPressureDelayLevel": [
    {
      en: "Design: no figure in the sources; a balance coefficient the lab sweeps (expandFabs.ts, 2026): above this pressure level a fab expansion takes a turn longer",
      de: "Spielentscheidung: keine Zahl in den Quellen; ein Balancekoeffizient, den das Labor durchmustert (expandFabs.ts, 2026): Oberhalb dieses Druckniveaus dauert ein Fabrikausbau eine Runde länger",
    },
  ],
  "levers.toolPressureAllyInfluence": [
    {
      en: "Design (2026): allies resist: Japan, a tool maker and a host, loses this much goodwill towards the US per saturated turn of tool pressure",
      de: "Spielentscheidung (2026): Verbündete sträuben sich: Japan, Anlagenhersteller und Gastland zugleich, verliert je gesättigter Runde Druck auf Anlagenhersteller so viel Wohlwollen gegenüber den USA",
    },
  ],
  "levers.smugglingBustStrictness": [
    {
      en: "Design: no figure in the sources; a balance coefficient the lab sweeps (smuggleChips.ts, 2026): a caught ring tightens the transit host's permits",
      de: "Spielentscheidung: keine Zahl in den Quellen; ein Balancekoeffizient, den das Labor durchmustert (smuggleChips.ts, 2026): Ein aufgeflogener Schmugglerring verschärft die Genehmigungen des Durchgangslands",
    },
  ],
  "levers.smugglingBustTension": [
    {
      en: "Design: no figure in the sources; a balance coefficient the lab sweeps (smuggleChips.ts, 2026): tension added by a caught ring",
      de: "Spielentscheidung: keine Zahl in den Quellen; ein Balancekoeffizient, den das Labor durchmustert (smuggleChips.ts, 2026): Spannung, die ein aufgeflogener Schmugglerring hinzufügt",
    },
  ],
  "levers.smugglingBustIntel": [
    {
      en: "Design: no figure in the sources; a balance coefficient the lab sweeps (smuggleChips.ts, 2026): intelligence stock the US gains from a caught ring, in units of intelRef",
      de: "Spielentscheidung: keine Zahl in den Quellen; ein Balancekoeffizient, den das Labor durchmustert (smuggleChips.ts, 2026): Erkenntnisse, die die USA aus einem aufgeflogenen Schmugglerring gewinnen, in Einheiten von intelRef",
    },
  ],
  "levers.strictnessDriftShare": [
    {
      en: "Design: no figure in the sources; a balance coefficient the lab sweeps (hosts.ts, 2026): strictness drifts back at half the pace of openness",
      de: "Spielentscheidung: keine Zahl in den Quellen; ein Balancekoeffizient, den das Labor durchmustert (hosts.ts, 2026): Die Strenge kehrt halb so schnell zurück wie die Offenheit",
    },
  ],
  "levers.remoteRuleBase": [
    {
      en: "Design: no figure in the sources; a balance coefficient the lab sweeps (hosts.ts, 2026): a host where the US has more goodwill than China applies the US rule with chance 2 x the US's edge in goodwill x (0.5 + strictness)",
      de: "Spielentscheidung: keine Zahl in den Quellen; ein Balancekoeffizient, den das Labor durchmustert (hosts.ts, 2026): Ein Gastland, in dem die USA mehr Wohlwollen haben als China, wendet die US-Regel mit der Wahrscheinlichkeit 2 × Vorsprung der USA beim Wohlwollen × (0,5 + Strenge) an",
    },
  ],
  "levers.remoteRuleEdgeWeight": [
    {
      en: "Design (2026): a host applies the US remote-access rule only where the US has more goodwill than China (hosts weigh both powers, as Malaysia's July 2025 permit rule and the Chinese leasing that went on there show); the US's edge is (US - China) / (US + China), doubled so that a host with three quarters of its goodwill on the US side applies the rule as readily as before",
      de: "Spielentscheidung (2026): Ein Gastland wendet die US-Fernzugriffsregel nur an, wo die USA mehr Wohlwollen haben als China (Gastländer wägen beide Mächte ab, wie Malaysias Genehmigungspflicht vom Juli 2025 und die dort weiterlaufenden chinesischen Mieten zeigen); der Vorsprung der USA ist (USA − China) / (USA + China), verdoppelt, sodass ein Gastland mit drei Vierteln seines Wohlwollens auf US-Seite die Regel so bereitwillig anwendet wie zuvor",
    },
  ],
  "levers.intelEvasion": [
    {
      en: "Design: China's intelligence on US investigators (where they look, which intermediaries are watched) lets a shipment avoid up to this share of the detection chance",
      de: "Spielentscheidung: Chinas Erkenntnisse über US-Ermittler (wo sie suchen, welche Zwischenhändler beobachtet werden) lassen eine Lieferung bis zu diesem Anteil der Entdeckungswahrscheinlichkeit entgehen",
    },
  ],
};

/** The German text of a scenario number's source, or undefined when it has none for this English text. */
export function scenarioSourceDe(path: string, english: string): string | undefined {
  if (!Object.hasOwn(SCENARIO_SOURCES_DE, path)) return undefined;
  return SCENARIO_SOURCES_DE[path]!.find((t) => t.en === english)?.de;
}
