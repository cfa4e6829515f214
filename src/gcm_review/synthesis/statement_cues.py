"""The cue lists of the statement-type classifier, per language and statement type.

Format of a list: cues separated by ";", each "phrase" or "phrase=weight" (weight 1 when not
given). Phrases are written in plain spelling and matched on the matching form (casefolded, Arabic
letters folded, Latin accents removed); `*` stands for the rest of a word; "re:" starts a regular
expression run on the matching form. An Arabic cue may carry a clitic before its first word (و ف
ب ل ك and the article); one written with a leading "-" is a verb and takes only و or ف.
"""

from __future__ import annotations

from gcm_review.synthesis.records import StatementType

CUES: dict[str, dict[str, str]] = {
    "en": {
        "achievement": r"""adopted; launched; established; created; set up; introduced; enacted;
            ratified; signed; inaugurated; trained; completed; achieved; succeeded; success*;
            enabled; allowed=0.5; resulted in; led to=0.3; has reduced; have reduced; reduced=0.7;
            decreased=0.5; fell=0.5; fallen=0.5; dropped=0.5; improved; expanded; extended; amended;
            issued; published; regularized; regularised; benefited; benefitted; reached;
            registered=0.7; implemented; now=0.7; for the first time; thanks to; milestone;
            made available; opened=0.7; returned=0.5; rescued; progress=0.5; abolished; rolled out;
            went live; put in place; deployed; upgraded; scaled up; doubled; tripled; halved;
            concluded=0.7; was able to; were able to; managed to; took steps; taken steps;
            good practice*=0.7; promising practice*=0.7; best practice*=0.7; provides=0.5;
            provided=0.5; offers=0.5; achievements=1.5; progress made; measures taken;
            steps taken; efforts made=0.7; measures adopted; success stories=0.7""",
        "challenge": r"""challenge; challenges; challenging; difficult; difficulty; difficulties;
            lack of; lack; lacks; lacking; gap; gaps; insufficient; inadequate; limited; burden;
            obstacle*; barrier*; constraint*; shortage*; shortfall*; weak; weakness*; concern;
            concerns about; concerns over; raised concerns; concerned; worrying; alarming;
            remain=0.5; remains=0.5; remained=0.5; still=0.5; not yet=1.5; has not; have not;
            do not; does not; did not; cannot; unable; no access; absence of; excluded; exclusion;
            face; faces; faced; facing; hamper*; hinder*; impede*; prevent; prevents; undermine*;
            suffer*; struggle*; exposed to; abuse*=0.5; exploitation=0.5; violations; died;
            went missing; deaths=0.5; risk=0.5; risks=0.5; warned; too few; slow; costly; poor;
            vulnerab*=0.5; xenophob*=0.5; hate speech=0.5; forcing; forced to; persist*;
            deteriorat*; crisis=0.5; problem*; high=0.5; well above; despite=0.5;
            re:(?<!a )\bfew\b=1.5; only=0.5; afraid; fear=0.5; stranded; unregulated; unprotected;
            downturn=0.5; confiscat*=0.5; denied; deprived; lost=0.5; shortcoming*; loophole*;
            uneven; scattered; fragmented; rarely; seldom; no longer; pressure=0.5; pandemic=0.5;
            exacerbat*; aggravat*; adverse*; negative impact*; severely affected; hard hit;
            dangerous=0.5; perilous; trapped; however=0.3; hard to; hardship*; not available;
            no data; there is no; there are no""",
        "commitment": r"""will; shall; is committed; are committed; remains committed; committed to;
            commitment*=0.7; commits; pledge*; intend*; plans to; plan to; planning to;
            is preparing; are preparing; being drafted; being developed; under preparation; aims to;
            aim to; seeks to; seek to; priority; priorities; next step*; next phase; going forward;
            in the coming; coming years; stands ready; ready to; looks forward; determined to;
            expected to; is working on; are working on; is working to; envisage*; upcoming;
            forthcoming; in the process of; under development; under way=0.5; announced=0.5; would;
            in the future; re:\bby 20\d\d\b=0.5""",
        "recommendation": r"""should; must; ought to; need to; needs to; the need for; the need to;
            need for; it is necessary; it is essential; it is important; it is crucial; it is vital;
            it is urgent; call for; calls for; called for; calling for; called on; calls on;
            called upon; calls upon; urge; urges; urged; urging; recommend; recommends; recommended;
            are encouraged; is encouraged; encourage; encourages; encouraged=0.7; invite; invites;
            invited=0.5; appeal*; advocate*; requested; have to=0.7; the importance of=0.7;
            asked=0.7; is needed; are needed; needed=0.7; required=0.5; it would be useful;
            would benefit from; it was recommended; it is time to; requires=0.5; proposed that;
            suggested that; suggested=0.7; proposed to=0.7""",
        "procedural": r"""chaired=2; co chaired=2; chair=1; moderated=2; moderator=2;
            facilitated by=2; co facilitated=2; opened the session=2; opened the meeting=2;
            closed the session=2; closed the meeting=2; opening session=1.5; closing session=1.5;
            opening remarks=1.5; closing remarks=1.5; agenda=2; welcomed participants=2;
            welcomed the participants=2; documents=1; website=0.5; available on=1; took the floor=2;
            take the floor=2; the floor=1.5; was held=2; took place=1.5; attended by=1.5;
            rapporteur=1.5; keynote=1.5; panel=1; list of participants=2;
            interpretation was provided=2; adjourned=2; thanked=1.5; minute of silence=2;
            delegations=1; statements were delivered=2; hybrid format=2; roundtables=1;
            presentations=1; panellists=1.5; panelists=1.5; annex*=1.5; audience=1;
            open discussion=1; discussion=0.5; co chairs=1.5; devoted to=1; views expressed=2;
            do not necessarily reflect=2; observers=1; remarks=1; organized by=1; organised by=1;
            co organized=1.5; jointly organized=1.5; hosted by=1; webinar=1; virtual=0.5; hybrid=1;
            available at=1.5; www=1.5; https=1.5;
            re:\bstatements were (?:also )?(?:made|delivered)\b=2;
            re:\b(?:held|convened) (?:a|an|the)\b[^.]{0,120}\b(?:consultation|meeting|conference)=2;
            re:\b(?:held|convened) (?:a|an|the)\b[^.]{0,120}\b(?:workshop|dialogue|webinar|forum)=2;
            re:\b(?:documents?|presentations|agenda|report)\b[^.]{0,160}\bavailable\b=1.5;
            the meeting=0.5; the session=0.5;
            the conference=0.5""",
    },
    "fr": {
        "achievement": r"""a adopte; ont adopte; a lance; a cree; a mis en place; mis en place=0.5;
            mise en oeuvre=0.5; mis en oeuvre=0.5; a permis; ont permis; a ratifie; a signe;
            a reussi; ont reussi; a beneficie; ont beneficie; beneficient=0.7; beneficie=0.5;
            a inaugure; a diminue; a baisse; a augmente=0.7; desormais; grace a; a facilite;
            a delivre; ont delivre; a abouti; resultats; premiere fois; progres=0.5""",
        "challenge": r"""defi; defis; difficulte*; difficile*; manque de; manque; lacune*;
            insuffisant*; insuffisance*; obstacle*; entrave*; contrainte*; faible; faibles;
            faiblesse*; limite=0.5; limitee*=0.5; limites=0.5; fardeau; pese*=0.5; preoccup*;
            inquiet*; reste=0.5; restent=0.5; demeure=0.5; demeurent=0.5; encore=0.5;
            re:\b(?:ne|n')\s*\w+\s+(?:pas|plus|guere|jamais)\b; pas encore=1.5; absence; exclu;
            exclus; exclue; exclues; se heurte*; heurtent; expose* a; expose* aux; violence=0.5;
            exploitation=0.5; xenophob*=0.5; aggrave*; sans recours; prive de; privent; prives de;
            privees de; lent; lente; lents; lentes; couteu*; seul=0.5; seuls=0.5; seules=0.5;
            seulement=0.5; crainte=0.5; peur; echappe*=0.5; confisqu*=0.5; rarement; fragment*;
            dispers*=0.5; insuffisamment; hesite*=0.5; pousse*=0.5; pression*=0.5; aucun*=0.5;
            contraint*; sans=0.3; bien que=0.3; eleve*=0.5; deces=0.5; disparus=0.5; risque*=0.5;
            vulnerab*=0.5; persist*; penurie; deficit; crise=0.5; probleme*; rencontrent; font face;
            fait face; peu accessible*""",
        "commitment": r"""s'engage; s'engagent; s'est engage*; s'engager; engagement*=0.7; prevoit;
            prevoient; entend; entendent; a l'intention; ont l'intention; envisage; envisagent;
            vise a; visent a; priorite*; prioritaire*; sera; seront; en cours; en preparation;
            prochaine etape; prochaines etapes; a venir; pret a; prete a; prets a; se propose;
            re:\bd'ici (?:a |la fin de )?20\d\d\b=0.5; reaffirme*; determine a; s'efforce*;
            ambitionne; projette; planifie; a pour objectif; prepare=0.7; preparent=0.7; poursuivra;
            poursuivrons; prendra; pourra; a l'avenir; re:\bcompte\s+\w+(?:er|ir|re)\b;
            re:\b\w+(?:erait|eraient|irait|iraient)\b=0.7;
            re:\b\w{2,}(?:era|eront|erons|ira|iront|irons)\b""",
        "recommendation": r"""devrait; devraient; devra; devront; doit; doivent; il faut;
            il faudrait; recommande*; preconise*; appelle a; appellent a; ont appele a; a appele a;
            appel a; exhorte*; invite; invitent; a invite; ont invite; encourage*;
            il est necessaire; il est essentiel; il est important; il importe; il convient;
            il est urgent; la necessite; necessaire de; demande aux; ont demande; a demande;
            plaide*; propose que; ont propose=0.7; a propose=0.7; suggere*=0.7; l'importance de=0.7;
            besoin de=0.7; necessaire=0.7; necessaires=0.7; insiste*; ont souhaite=0.7;
            a souhaite=0.7""",
        "procedural": r"""presidee=2; preside=2; presidait=2; a preside=2; modere=2; moderee=2;
            animee=1.5; anime par=1.5; a ouvert la seance=2; ouvert la seance=2; la seance=1;
            la reunion=1; ordre du jour=2; souhaite la bienvenue=2; documents=1; site=1;
            disponibles sur=1.5; la parole=2; s'est tenue=2; s'est deroulee=2; s'est ouverte=2;
            rapporteur=1.5; table ronde=1; tables rondes=1; liste des participants=2; annexe=1.5;
            interpretation=1.5; levee=1.5; a remercie=1.5; clos=1.5; cloture=1.5;
            minute de silence=2; declarations=1; delegations=1; format hybride=2;
            opinions exprimees=2; consacree aux=1; allocution*=1.5; orateur*=1.5; la conference=0.5;
            exposes de=1.5; panelistes=1.5; debat=1; en annexe=1.5; joint au present rapport=2;
            s'est achevee=1.5; copresident*=1.5; questions du public=1.5""",
    },
    "ar": {
        "achievement": r"""-اعتمدت; -اعتمد; -أطلق*; -تم; أنشأ; أنشأت; أنشئت; أصدر*; -صدر; صادق*;
            -وقع; -وقعت; -وقعوا; نجح*; تمكن*; أسفر*; ساهم*; أسهم*; أدى إلى; أدت إلى; أتاح*; أتيح*;
            انخفض*; ارتفع*=0.5; خفضت; استفاد*; حقق*; أحرز*; إنجاز*=0.7; بنجاح; عدلت; -عدل=0.3; دشن*;
            افتتح*=0.7; وضعت; -نظمت=0.5; -قامت=0.5; أصبح*=0.7; لأول مرة; الآن=0.5; باتت; -بات=0.7;
            ألغت; ألغى; ألغي; أبرم*; مكنت*; -ساعد=0.7; بدأ العمل; دخل حيز التنفيذ; يستفيد=0.7;
            تستفيد=0.7; يستفيدون=0.7; أدخلت; أدخل; وفرت=0.7; اتخذت=0.7; نفذت; -عاد=0.5; بفضل=0.7;
            نتائج ملموسة""",
        "challenge": r"""تحديات; تحدي; التحدي; تحد; نقص; صعوبات; صعوبة; عقبات; عقبة; عوائق; عائق;
            ثغرات; ثغرة; فجوات; فجوة; قصور; ضعف; ضعيف*; محدود*; غير كاف*; عدم=0.5; عبء; عبئا; أعباء;
            لا يزال=0.7; لا تزال=0.7; ما زال=0.7; ما زالت=0.7; يظل=0.5; تظل=0.5; يبقى=0.5; تبقى=0.5;
            غياب; تفتقر; يفتقر; افتقار; يعاني; تعاني; يواجه*; تواجه; مخاوف; قلق; مقلق*; انتهاكات;
            استغلال=0.5; سوء المعاملة=0.5; خطاب الكراهية=0.5; -حذر; -حذرت; تحول دون; يحول دون;
            دون=0.3; يعيق; تعيق; يعرقل; تعرقل; حتفهم; فقدوا=0.5; تزايد=0.5; تتعرض; يتعرض; يتعرضون;
            البطء=0.5; مرتفع*=0.5; قليل*=0.5; أزمة=0.5; مستبعد*; استبعاد; مخاطر=0.5; فقط=0.5;
            خوفا=0.5; خوف=0.5; يخشون=0.5; تخشى=0.5; يخشى=0.5; يصادر*=0.5; مصادرة=0.5; رغم=0.3;
            مغادرة=0.5; النزوح=0.5; ضغط*=0.5; لا تتوفر; لا يتوفر; لا توجد; لا يوجد; لم يتم;
            لم تتمكن; لم يتمكن*; غير متوفر*; غير متاح*; -لم=0.5; يضطر*; تضطر*; اضطر*; نادرا=0.5;
            متفرقة=0.5; مشتتة=0.5""",
        "commitment": r"""تلتزم; يلتزم; نلتزم; التزام*=0.7; ستعمل; سيعمل; سنعمل; سوف; ستواصل;
            سيواصل; سنواصل; سيتم; ستقوم; سيقوم; ستسعى; ستطلق; سيطلق; ستعزز; ستركز; سيركز; ستعتمد;
            سيعرض; ستضع; ستوفر; ستنشئ; ستتخذ; سيجري; ستعمل; ستنظم; سنطلق; تعتزم; يعتزم; نعتزم; تخطط;
            يخطط; نخطط; أولوية; أولويات; تتعهد; يتعهد; نتعهد; تعهدت; تعهد; تسعى; يسعى; نسعى;
            تهدف إلى; يهدف إلى; نهدف; المرحلة المقبلة; الفترة المقبلة; المقبلة=0.5; المقبل=0.5;
            القادمة=0.5; الخطوات القادمة; بحلول عام=0.5; على استعداد; مستعدة; تتطلع; عازم*;
            يجري حاليا; قيد الإعداد; قيد الدراسة; على إعداد=0.7; من المقرر; تنوي; ينوي; ننوي;
            يجري=0.7; في المستقبل""",
        "recommendation": r"""ينبغي; يجب; توصي; يوصي; أوصى; أوصت; أوصوا; نوصي; ضرورة; -دعا; -دعت;
            -دعوا; يدعو; تدعو; ندعو; -حث; -حثت; -حثوا; يحث; تحث; نحث; يتعين; لا بد; لابد;
            من الضروري; من المهم; الحاجة إلى; حاجة إلى; -طالب; -طالبت; -طالبوا; يطالب; تطالب; نطالب;
            ناشد; ناشدت; ناشدوا; تشجع; يشجع; نشجع; أهمية=0.7; -طلب=0.7; -طلبت=0.7; -طلبوا=0.7; يلزم;
            يتطلب=0.5; مطلوب=0.7; -اقترح*=0.7""",
        "procedural": r"""ترأس=2; ترأست=2; برئاسة=2; -أدار=1.5; -أدارت=1.5; إدارة الجلسة=2;
            افتتح الجلسة=2; افتتحت الجلسة=2; افتتح الاجتماع=2; افتتح المؤتمر=2;
            الجلسة الافتتاحية=1.5; الجلسة الختامية=1.5; الكلمات الافتتاحية=1.5; جدول الأعمال=2;
            بالمشاركين=1.5; الوثائق=1; وثائق=1; الموقع الإلكتروني=1.5; عقد المؤتمر=2;
            عقد الاجتماع=2; عقدت الجلسة=2; عقدت المشاورة=2; اختتم*=1.5; رفعت الجلسة=2; الكلمة=1.5;
            قائمة المشاركين=2; المرفق=1.5; الموائد المستديرة=1; المائدة المستديرة=1; -أدلى=1.5;
            ببيانات=0.5; الترجمة الفورية=2; دقيقة صمت=2; الآراء الواردة=2; لا تعكس بالضرورة=2;
            -شكر=1.5; بمشاركة=0.5; عبر الإنترنت=0.5; بصيغة هجينة=2; خصص اليوم=2; الوفود=1; المقرر=1;
            الجلسة=1; الاجتماع=0.5; استمع*=1; عروض=1; مناقشة مفتوحة=1; مناقشة=0.5; مرفق=1.5;
            الجمهور=1; الرئيسين المشاركين=1.5""",
    },
}

# Tense patterns too long for the lists: a perfect or passive past tense is a weak achievement cue.
_FR_NOT_PARTICIPLE = (
    "une|la|le|les|l|des|ce|cette|ces|son|sa|ses|leur|leurs|tous|toute|toutes|tout|chaque|plus|"
    "cause|base|mesure|ete"
)
TENSE_CUES: dict[str, tuple[tuple[StatementType, str, float], ...]] = {
    "en": (
        ("achievement", r"\b(?:has|have|had)\s+(?:been\s+)?(?:\w+ly\s+)?\w+ed\b", 0.5),
        (
            "achievement",
            r"\b(?:has|have|had)\s+(?:made|taken|become|given|built|set|done|begun|undertaken|"
            r"put|brought)\b",
            0.5,
        ),
        ("achievement", r"\b(?:was|were)\s+(?:\w+ly\s+)?\w+ed\b", 0.5),
    ),
    "fr": (
        (
            "achievement",
            r"\b(?:a ete|ont ete|a|ont|avons|avait|avaient)\s+"
            rf"(?!(?:{_FR_NOT_PARTICIPLE})\b)(?:\w+ment\s+)?"
            r"\w*(?:[^r\W]e|[aeiouy]re|ee|es|ees|i|is|it|u|us|ert|erts)\b",
            0.5,
        ),
    ),
    "ar": (
        (
            "commitment",
            r"(?<!\w)[وف]?س(?!ياس|ياد|يار|ياح|ياق|يطر|نوات|نوي|نغال|يناريو|يدات|يول|ينما|يده)"
            r"[يتن]\w{3,}",
            1.0,
        ),
    ),
}

# Bare verbs that open an imperative bullet (English, French infinitives, Arabic verbal nouns).
IMPERATIVES: dict[str, str] = {
    "en": """adopt align allocate amend abolish address build combat consider create design develop
        eliminate empower encourage end engage enhance ensure establish expand extend facilitate
        foster guarantee harmonise harmonize implement improve include increase integrate invest
        involve mainstream mobilise mobilize prevent prioritise prioritize promote protect provide
        raise ratify recognise recognize reduce reform remove repeal review revise scale simplify
        step strengthen support take train uphold upscale use work generate introduce undertake
        shape put prohibit dismantle listen offer monitor collect conduct accelerate apply
        assess bridge emphasize emphasise stress reject reinforce redouble better release allow""",
    "fr": """abroger adopter allouer ameliorer accelerer accroitre appuyer assurer associer
        augmenter abolir combattre consolider creer developper elaborer elargir encourager etablir
        etendre eliminer favoriser faciliter fournir garantir generaliser harmoniser impliquer
        inclure instaurer integrer intensifier investir lever lutter mettre mobiliser offrir
        permettre poursuivre prevenir prendre promouvoir proteger ratifier reconnaitre reduire
        renforcer respecter revoir reviser sensibiliser simplifier soutenir supprimer veiller""",
    "ar": """تعزيز ضمان تطوير إنشاء اعتماد توفير تحسين دعم تسهيل تيسير إلغاء مراجعة توسيع إدماج
        حماية زيادة تشجيع التصديق المصادقة تبسيط مواءمة إشراك تخصيص اتخاذ إتاحة تكثيف رفع بناء
        إدراج تفعيل توحيد ترسيخ مكافحة معالجة الحد تمكين وضع العمل إيلاء إعطاء تبني""",
}
# English openings of a condition before an imperative ("Where ..., facilitate ...").
OPENING_CONDITIONS = frozenset(["where", "when", "if", "once", "whenever", "wherever"])
# A word after an English opening verb that shows it is a noun ("Support for ...", "Review of").
NOT_IMPERATIVE_NEXT = frozenset(
    ["of", "for", "from", "by", "is", "was", "are", "were", "has", "have", "had", "will"]
)
