/**
 * Word lists for SPEC rule 3, kept in the source so the reference API runs unchanged in Node,
 * in browsers and under any bundler.
 *
 * ROLE_LOCAL_PARTS: the list of npm `role-based-email-addresses` 3.1.0 (MIT, Copyright (c) 2015
 * Mixmax, Inc), less the entries that are also people's names (`per`, `paris`, `sydney`, `alexa`,
 * `india`, `denver`, `gardner`, `mayor`, `house`, `post`, `berlin`, `china`, `dev`) and the
 * two-letter ones that are as often someone's initials as a department (`md`, `pm`, `cs`, …),
 * plus German role words it lacks.
 *
 * FREE_MAIL_DOMAINS: `common.json` of npm `email-providers` 2.26.0 (the providers with a
 * Majestic Million rank under 100,000; ISC, Copyright (c) 2025, Jannis R), less names that are
 * no mail providers (`example.com`, `test.com`, `test.de`, `mail-tester.com`), plus widely used
 * German and European providers it lacks.
 *
 * Licences of the sources:
 *
 * role-based-email-addresses:
 * The MIT License (MIT)
 *
 * Copyright (c) 2015 Mixmax, Inc
 *
 * Permission is hereby granted, free of charge, to any person obtaining a copy
 * of this software and associated documentation files (the "Software"), to deal
 * in the Software without restriction, including without limitation the rights
 * to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
 * copies of the Software, and to permit persons to whom the Software is
 * furnished to do so, subject to the following conditions:
 *
 * The above copyright notice and this permission notice shall be included in all
 * copies or substantial portions of the Software.
 *
 * THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
 * IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
 * FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
 * AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
 * LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
 * OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
 * SOFTWARE.
 *
 * email-providers (ISC):
 * Copyright (c) 2025, Jannis R
 * Permission to use, copy, modify, and/or distribute this software for any purpose with or without
 * fee is hereby granted, provided that the above copyright notice and this permission notice appear
 * in all copies.
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES WITH REGARD TO THIS
 * SOFTWARE INCLUDING ALL IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS. IN NO EVENT SHALL THE
 * AUTHOR BE LIABLE FOR ANY SPECIAL, DIRECT, INDIRECT, OR CONSEQUENTIAL DAMAGES OR ANY DAMAGES
 * WHATSOEVER RESULTING FROM LOSS OF USE, DATA OR PROFITS, WHETHER IN AN ACTION OF CONTRACT,
 * NEGLIGENCE OR OTHER TORTIOUS ACTION, ARISING OUT OF OR IN CONNECTION WITH THE USE OR
 * PERFORMANCE OF THIS SOFTWARE.
 */

export const ROLE_LOCAL_PARTS: readonly string[] = [
  '123', '2015', '2016', '2017', '2018', '2019', '2020', '2021', '2022', '2023', '2024', '2025', '2026', '2027',
  '2028', '2029', '2030', 'aaa', 'abc', 'abm-alerts', 'abuse', 'academy', 'accessibility', 'account',
  'account-services', 'accountant', 'accounting', 'accountmanager', 'accountmanagers', 'accounts', 'accountspayable',
  'acquisition', 'adm', 'admin', 'admin1', 'administracao', 'administracion', 'administrador', 'administratie',
  'administratif', 'administration', 'administrativo', 'administrator', 'administrators', 'admins', 'adminteam',
  'admisiones', 'admissions', 'adops', 'ads', 'ads-account-noreply', 'advertise', 'advertise-noreply', 'advertising',
  'advertisingsales', 'advice', 'advisor', 'advisors', 'adwords', 'affiliate', 'affiliates', 'agency', 'agents',
  'alarm', 'alarms', 'alert', 'alerts', 'alerts-noreply', 'alerts-qa', 'all', 'all-employees', 'all-pms', 'all-staff',
  'all-team', 'all-users', 'all.employees', 'all.staff', 'all.users', 'all_staff', 'alla', 'alle', 'allemployees',
  'allhands', 'allsales', 'allstaff', 'allstudents', 'allteachers', 'allteam', 'allusers', 'alpha', 'alphas',
  'alumni', 'ambassador', 'ambassadors', 'amministrazione', 'analysts', 'analytics', 'android', 'angels', 'animation',
  'announce', 'announcements', 'api', 'app', 'apple', 'application', 'applications', 'apply', 'appointments', 'apps',
  'archives', 'arin', 'arin-abuse', 'asd', 'asdasd', 'asdf', 'asistente', 'ask', 'asset', 'assistanthead',
  'assistencia', 'assistenza', 'associates', 'associates-all', 'ateam', 'atencionalcliente', 'atendimento',
  'auctions', 'auto-confirm', 'automated', 'automated.testing', 'automation', 'available', 'b2bdata', 'backend',
  'backend-dev', 'backup', 'benefits', 'bestellung', 'beta', 'biblioteca', 'bibliotheque', 'billing', 'bills',
  'biuro', 'biz', 'bizdev', 'booking', 'bookings', 'boston', 'bot', 'brand', 'branding', 'brandsolutions',
  'buchhaltung', 'bugs', 'bulletins', 'business', 'business_team', 'businessdevelopment', 'butik', 'calendar',
  'calendar-notification', 'caltrain', 'campaign', 'campaigns', 'campusteam', 'capacitacion', 'captain', 'captains',
  'care', 'career', 'careers', 'catering', 'central', 'centro', 'ceo', 'ceos', 'channel-sales', 'chartering', 'chat',
  'chat-noreply', 'chatter', 'chef', 'chicago', 'church', 'citymanagers', 'class', 'classof2016', 'classof2017',
  'classof2018', 'classof2019', 'classroom', 'classroom_teachers', 'client', 'clientes', 'clientservices', 'clinic',
  'cloud', 'co-op', 'coach', 'coaches', 'coaching', 'code', 'colaboradores', 'colegio', 'com', 'comenzi', 'comercial',
  'comercial1', 'comercial2', 'comments', 'comments-noreply', 'commercial', 'commerciale', 'commissions', 'committee',
  'comms', 'communication', 'communications', 'community', 'company', 'company.wide', 'compete', 'competition',
  'complaints', 'compliance', 'compras', 'compta', 'comptabilite', 'comunicacao', 'comunicacion', 'comunicaciones',
  'comunicazione', 'concierge', 'conference', 'connect', 'consultant', 'consultas', 'consulting', 'consultoria',
  'contabil', 'contabilidad', 'contabilidade', 'contabilita', 'contact', 'contact-us', 'contactenos', 'contacto',
  'contactus', 'contador', 'contato', 'content', 'contractor', 'contractors', 'contracts', 'controller',
  'coordinator', 'copyright', 'core', 'coreteam', 'corp', 'corporate', 'corporatesales', 'council', 'courrier',
  'course', 'courses', 'creative', 'crew', 'crm', 'csm', 'csteam', 'cultura', 'culture', 'customer',
  'customer.service', 'customercare', 'customerfeedback', 'customers', 'customerservice', 'customerservicecenter',
  'customerservices', 'customersuccess', 'customersupport', 'custserv', 'daemon', 'data', 'database', 'deals',
  'delivery', 'demo', 'departures', 'deploy', 'deputy', 'deputyhead', 'design', 'designer', 'designers', 'developer',
  'developers', 'development', 'devnull', 'devops', 'devs', 'devteam', 'digest', 'digital', 'digsitesvalue',
  'direccion', 'direction', 'directo', 'director', 'directors', 'directory', 'diretoria', 'direzione', 'discuss',
  'dispatch', 'diversity', 'dns', 'do-not-reply', 'do_not_reply', 'docs', 'domain', 'domainmanagement', 'domains',
  'donations', 'donors', 'donotreply', 'download', 'dreamteam', 'drive-shares-dm-noreply', 'ecommerce', 'editor',
  'editorial', 'editors', 'editors-noreply', 'education', 'eletters', 'email', 'emails', 'emergency', 'employment',
  'enews', 'eng', 'eng-all', 'engagement', 'engenharia', 'engineering', 'engineers', 'english',
  'english-personalized-digest', 'enq', 'enquire', 'enquires', 'enquiries', 'enquiry', 'enrollment', 'enterprise',
  'envio', 'equipe', 'equipo', 'error', 'errors', 'escritorio', 'europe', 'event', 'events', 'everybody', 'everyone',
  'exec', 'execs', 'execteam', 'executive', 'executives', 'expenses', 'expert', 'experts', 'export', 'express',
  'facebook', 'facilities', 'facturacion', 'faculty', 'family', 'faq', 'farmacia', 'faturamento', 'fax', 'fbl',
  'feedback', 'fellows', 'finance', 'financeiro', 'financeiro2', 'finanzas', 'firmapost', 'fiscal', 'food',
  'football', 'form-submission', 'founders', 'france', 'franchise', 'friends', 'frontdesk', 'frontend', 'frontoffice',
  'fte', 'ftp', 'fulfillments', 'fulltime', 'fun', 'fund-ops', 'fundraising', 'geeks', 'general', 'geral', 'gerencia',
  'giving', 'global', 'google-workspace-alerts-noreply', 'googlealerts-noreply', 'grants', 'graphics', 'group',
  'groups-noreply', 'growth', 'hackathon', 'hackers', 'head', 'head.office', 'headoffice', 'heads', 'headteacher',
  'hello', 'help', 'helpdesk', 'hi', 'highschool', 'hiring', 'hit-reply', 'hola', 'home', 'homes', 'hosting',
  'hostmaster', 'hotel', 'hq', 'hr', 'hr.dept', 'hrdept', 'hsstaff', 'hsteachers', 'human_resources',
  'humanresources', 'ideas', 'ifttt', 'implementation', 'import', 'inbound', 'inbox', 'info', 'infopremium', 'infor',
  'informacion', 'informatica', 'information', 'informatique', 'informativo', 'infra', 'infrastructure', 'ingenieria',
  'innkeeper', 'innovation', 'inoc', 'inquiries', 'inquiry', 'insidesales', 'insights', 'instagram',
  'instant-updates', 'instructor', 'insurance', 'integration', 'integrations', 'intern', 'internal',
  'internal-noreply', 'international', 'internet', 'interns', 'internship', 'invest', 'investment', 'investor',
  'investorrelations', 'investors', 'investorservices', 'invitations', 'invites', 'invoice', 'invoices', 'invoicing',
  'ios', 'iphone', 'ispfeedback', 'ispsupport', 'it', 'ithelp', 'itsupport', 'itunes', 'jira', 'job',
  'jobalerts-noreply', 'jobs', 'jobs-listings', 'jobs-noreply', 'join', 'jornalismo', 'junk', 'kontakt',
  'kundeservice', 'lab', 'laboratorio', 'labs', 'ladies', 'latam', 'launch', 'lead', 'leaders', 'leadership',
  'leadership-team', 'leadershipteam', 'leads', 'learn', 'learning', 'leasing', 'legal', 'letters', 'library',
  'licensing', 'lifesum', 'links', 'list', 'list-request', 'listingupdates', 'listmanager', 'listproc', 'listserv',
  'loan-ops', 'login', 'loginotp', 'logistica', 'logistics', 'logistiek', 'looker-studio-noreply', 'lunch', 'mail',
  'mailbox', 'maildaemon', 'mailer', 'mailer-daemon', 'mailerdaemon', 'mailing', 'mailman', 'maintenance',
  'majordomo', 'management', 'management-group', 'management.team', 'management_team', 'manager', 'managers',
  'marketing', 'marketing-ops', 'marketing-team', 'marketingteam', 'marketplace', 'master', 'media', 'meeting',
  'meetup', 'member', 'members', 'memberservices', 'membership', 'membersuccess', 'mentor', 'mentors', 'merchant',
  'merchants', 'messages-noreply', 'messaging-digest-noreply', 'metrics', 'mgmt', 'middleschool', 'misc', 'mkt',
  'mktg', 'mobile', 'monitor', 'monitoring', 'montreal', 'moreinfo', 'msstaff', 'msteachers', 'music', 'myplex',
  'namecheap', 'network', 'newbiz', 'newbusiness', 'news', 'news-noreply', 'newsletter', 'newsletters',
  'newsletters-noreply', 'newyork', 'nntp', 'no', 'no-reply', 'no-reply-forms', 'no.replay', 'no.reply',
  'no.reply.alerts', 'no_reply', 'nobody', 'noc', 'noemail', 'none', 'noreply', 'noreply-apps-scripts-notifications',
  'noreply-dmarc', 'noreply-spamdigest', 'noresponse', 'northamerica', 'nospam', 'notes', 'notificaciones',
  'notification', 'notification.external', 'notifications', 'notifications-noreply', 'notify', 'nps', 'null', 'nyc',
  'nyoffice', 'offboarding', 'offers', 'office', 'officeadmin', 'officemanager', 'officers', 'officestaff',
  'offtopic', 'oficina', 'onboarding', 'online', 'onsite', 'ooo', 'operaciones', 'operations', 'ops', 'order',
  'orders', 'ordini', 'outage', 'outreach', 'owners', 'parents', 'partner', 'partners', 'partnerships', 'parts',
  'pastor', 'pay', 'payment', 'payments', 'paypal', 'payroll', 'people', 'peoplemanagers', 'peopleops', 'performance',
  'personnel', 'phish', 'phishing', 'photos', 'pkginfo', 'planning', 'platform', 'plex', 'plex.tv', 'portfolio',
  'postbox', 'postfix', 'postmaster', 'ppc', 'pr', 'prefeitura', 'presales', 'presidencia', 'president', 'presidente',
  'press', 'presse', 'prime', 'principa', 'principal', 'principals', 'privacy', 'procurement', 'prod', 'produccion',
  'product', 'product-team', 'product.growth', 'product.management', 'product.managers', 'product.team', 'production',
  'productmanagers', 'products', 'productteam', 'produto', 'professor', 'program', 'programs', 'project',
  'projectmanagers', 'projects', 'promo', 'promotions', 'protocollo', 'proveedores', 'publicidade', 'publisher',
  'publishers', 'publishing', 'pullrequests-reply', 'purchase', 'purchases', 'purchasing', 'qa', 'qualidade',
  'questions', 'quotes', 'random', 'receipts', 'recepcion', 'reception', 'receptionist', 'recommendations', 'recruit',
  'recruiter', 'recruiters', 'recruiting', 'recruitment', 'recrutement', 'recursoshumanos', 'redacao', 'redaccion',
  'redaction', 'redazione', 'referrals', 'reg', 'register', 'registrar', 'registration', 'reklama', 'reminder',
  'reminders', 'report', 'reporting', 'reports', 'request', 'requests', 'reserva', 'reservaciones', 'reservas',
  'reservation', 'reservations', 'response', 'retail', 'revenue', 'rezervari', 'rfp', 'ripe-abuse', 'rnd',
  'rockstars', 'root', 'rrhh', 'rsreply', 'rsvp', 'sac', 'sale', 'sales', 'sales-team', 'sales.team', 'sales1',
  'sales2', 'salesengineers', 'salesforce', 'salesops', 'salesteam', 'sanfrancisco', 'sc-noreply', 'schedule',
  'school', 'schooloffice', 'science', 'sdr', 'search', 'seattle', 'secretaria', 'secretariaat', 'secretaris',
  'secretary', 'security', 'sekretariat', 'selectsupport', 'sellersupport', 'sem', 'seniors', 'seo', 'server',
  'service', 'serviceclient', 'servicedesk', 'services', 'servicioalcliente', 'sf-office', 'sfo', 'sfoffice',
  'sfteam', 'shareholders', 'shipping', 'shop', 'shopify', 'shopping', 'signup', 'signups', 'singapore', 'sistemas',
  'site', 'smile', 'smtp', 'social', 'socialclub', 'socialmedia', 'socios', 'software', 'solutions', 'soporte', 'sos',
  'spam', 'sponsorship', 'sport', 'squad', 'staff', 'startups', 'stats', 'stay', 'stockholm', 'store', 'store-news',
  'stories', 'strategy', 'stripe', 'student', 'students', 'studio', 'study', 'submissions', 'submit', 'subscribe',
  'subscriptions', 'success', 'suggestions', 'superintendent', 'supervisor', 'supervisors', 'suporte', 'supply',
  'support', 'support-team', 'supportteam', 'suprimentos', 'survey', 'sysadmin', 'system', 'systemmessage', 'systems',
  'talent', 'tax', 'teacher', 'teachers', 'team', 'team-sales-enablement', 'teamleaders', 'teamleads', 'tech',
  'technical', 'technik', 'technology', 'techops', 'techsupport', 'techteam', 'tecnologia', 'tesoreria', 'test',
  'testgroup', 'testing', 'the.principal', 'theoffice', 'theteam', 'tickets', 'time', 'timesheets', 'todos', 'tools',
  'tour', 'trade', 'trainers', 'training', 'transport', 'travel', 'treasurer', 'tribe', 'trustees', 'turismo',
  'twitter', 'undisclosed-recipients', 'unsubscribe', 'update', 'updates', 'usa', 'usenet', 'user', 'users', 'usteam',
  'uucp', 'ux', 'vendas', 'vendas1', 'vendas2', 'vendors', 'ventas', 'ventas1', 'ventas2', 'verkauf', 'voice-noreply',
  'voicemail', 'volunteer', 'volunteering', 'volunteers', 'vorstand', 'warehouse', 'watercooler', 'web', 'webadmin',
  'webdesign', 'webdev', 'webinar', 'webinars', 'webmaster', 'webnotification', 'website', 'webteam', 'welcome',
  'whois', 'wholesale', 'women', 'wordpress', 'work', 'workshop', 'workspace-noreply', 'writers', 'www', 'www-data',
  'zakaz', 'zentrale',
];

/** German role words missing upstream. */
export const GERMAN_ROLE_LOCAL_PARTS: readonly string[] = [
  'bewerbung', 'buero', 'datenschutz', 'einkauf', 'empfang', 'geschaeftsfuehrung', 'karriere', 'kundenservice',
  'personalabteilung', 'rechnung', 'rechnungen', 'vertrieb', 'verwaltung',
];

export const FREE_MAIL_DOMAINS: readonly string[] = [
  'facebook.com', 'qq.com', 'yahoo.com', 'live.com', 'outlook.com', 'msn.com', 'aliyun.com', 'go.com', 'aol.com',
  'yandex.ru', 'free.fr', '163.com', 'indiatimes.com', 'alibaba.com', 'geocities.com', 'about.com', 'naver.com',
  'yahoo.co.jp', 'netscape.com', 'earthlink.net', 'zoho.com', 'mail.ru', 'sky.com', 'yandex.com', 'angelfire.com',
  'spb.ru', 'uol.com.br', 'globo.com', 'gmail.com', 'medscape.com', 'space.com', 'discovery.com', 't-online.de',
  'mac.com', 'icloud.com', 'homestead.com', 'berlin.de', 'altavista.com', 'rambler.ru', 'nus.edu.sg', 'web.id',
  'proton.me', 'msk.ru', 'comcast.net', 'pp.ua', 'lycos.com', 'sina.cn', 'sapo.pt', 'daum.net', 'ancestry.com',
  'docomo.ne.jp', 'icq.com', 'techspot.com', 'law.com', 'bt.com', 'hotmail.com', 'orange.fr', 'libero.it',
  'yourdomain.com', 'wp.pl', 'onet.pl', 'india.com', 'wanadoo.fr', 'web.de', 'fortunecity.com', 'me.com',
  'kansascity.com', 'att.net', 'terra.com.br', 'skynet.be', 'compuserve.com', 'canada.com', 'ya.ru', 'excite.com',
  'detik.com', 'zp.ua', 'excite.co.jp', 'ig.com.br', 'xoom.com', 'gmx.net', 'freeserve.co.uk', 'interia.pl',
  'mindspring.com', 'seznam.cz', 'virgilio.it', 'chez.com', 'rr.com', 'shaw.ca', 'ntlworld.com', 'casino.com',
  'sina.com', 'arcor.de', 'tiscali.it', 'sympatico.ca', 'freenet.de', 'gazeta.pl', 'yam.com', 'care2.com', 'rcn.com',
  'telenet.be', 'sfr.fr', 'cox.net', 'r7.com', 'hotbot.com', 'tom.com', 'blueyonder.co.uk', 'geek.com', 'pochta.ru',
  'btinternet.com', 'bluewin.ch', 'ozemail.com.au', 'rogers.com', 'virginmedia.com', 'iinet.net.au', 'ireland.com',
  'virgin.net', 'chat.ru', 'erols.com', 'catholic.org', 'lycos.de', 'verizon.net', 'protonmail.com', 'nate.com',
  'mail.com', '126.com', 'lycos.co.uk', 'home.nl', 'terra.es', 'planet.nl', '21cn.com', 'voila.fr', 'sanook.com',
  'doityourself.com', 'online.de', 'i.ua', 'netcom.com', 'o2.co.uk', 'walla.co.il', 'centrum.cz', 'albawaba.com',
  'poste.it', 'www.com', 'aol.co.uk', 'mydomain.com', 'charter.net', 'rin.ru', 'parrot.com', 'club-internet.fr',
  'chello.nl', 'sdf.org', 'hidemyass.com', 'myway.com', 'name.com', 'unican.es', 'freeuk.com', 'metacrawler.com',
  'sci.fi', 'tiscali.co.uk', 'sify.com', 'ivillage.com', 'hey.com', 'iespana.es', 'telus.net', 'sweb.cz',
  'dailypioneer.com', 'go.ro', 'optusnet.com.au', 'lycos.es', 'pobox.com', 'anonymize.com', 'alice.it', 'lycos.nl',
  'saudia.com', 'tpg.com.au', 'foxmail.com', 'hamptonroads.com', 'looksmart.com', 'freeyellow.com', 'i.am',
  'prodigy.net', 'crosswinds.net', '10minutemail.com', 'dejanews.com', 'frontier.com', 'bigpond.com', 'gmx.com',
  'wanadoo.es', 'temp-mail.org', 'blackplanet.com', 'eircom.net', 'hetnet.nl', 'frontiernet.net', 'islamonline.net',
  'webindia123.com', 'iol.it', 'neuf.fr', 'mailinator.com', 'concentric.net', 'yahoo.jp', 'bugmenot.com',
  'newmail.ru', 'oath.com', 'ukr.net', 'pacbell.net', 'depechemode.com', 'mailbox.org', 'cogeco.ca',
  'onmilwaukee.com', 'aim.com', 'kiwibox.com', 'sprynet.com', 'netins.net', 'hot.ee', 'idirect.com', 'bigfoot.com',
  'o2.pl', 'netspace.net.au', 'yeah.net', 'terra.com', 'gmx.de', 'guerrillamail.com', 'yahoo.de', 'mail2web.com',
  'hushmail.com', 'supereva.it', 'lycos.it', 'masrawy.com', 'zonnet.nl', 'iprimus.com.au', 'yahoo.co.uk',
  'scubadiving.com', 'swissinfo.org', 'c3.hu', 'bolt.com', 'attbi.com', 'netzero.net', 'spray.se', 'yahoo.com.tw',
  'montevideo.com.uy', 'fr.nf', 'gportal.hu', 'yahoo.fr', 'bellsouth.net', 'clerk.com', 'juno.com', 'f5.si',
  'dynu.net', 'talktalk.co.uk', 'msn.co.uk', 'elvis.com', 'yahoofs.com', 'seanet.com', 'bigpond.net.au',
  'interfree.it', 'dnsmadeeasy.com', 'adelphia.net', 'incredimail.com', 'starmedia.com', 'pe.hu', 'sp.nl',
  'spacewar.com', 'tin.it', 'tds.net', '37.com', 'zip.net', 'inbox.com', 'webjump.com', 'za.com', 'singnet.com.sg',
  'fastmail.fm', 'forthnet.gr', 'land.ru', '4mg.com', 'blogos.com', 'bright.net', 'thirdage.com', 'wowway.com',
  'bangkok.com', 'lex.bg', 'usa.com', 'wow.com', 'sbcglobal.net', 'c2i.net', 'talkcity.com', 'yahoo.com.cn',
  'aeiou.pt', 'terra.cl', 'cableone.net', 'she.com', 'btconnect.com', 'airmail.net', 'singpost.com', 'aver.com',
  'pipeline.com', 'dmv.com', '3ammagazine.com', 'rediffmailpro.com', 'lawyer.com', 'easypost.com', 'iwon.com',
  'yopmail.com', 'inbox.lv', 'optimum.net', 'cs.com', 'barcelona.com', 'cu.cc', 'gmx.at', 'oi.com.br', 'telstra.com',
  'roadrunner.com', 'qwest.net', 'laposte.net', 'everyone.net', 'btopenworld.com', 'go2net.com', 'front.ru',
  'yahoo.com.br', 'hispavista.com', 'nyc.com', 'garbage.com', 'abv.bg', 'terra.com.ar', 'charm.net', 'mchsi.com',
  'enter.net', 'westnet.com.au', 'games.com', 'yahoo.ca', 'swbell.net', 'apollo.lv', 'bellatlantic.net',
  'theglobe.com', 'onlinehome.de', 'zzn.com', 'ny.com', 'hotmail.ru', 'bizhosting.com', 'ddnsfree.com', 'fuse.net',
  'ptd.net', 'netscape.net', 'list.ru', 'privacy.net', 'excite.it', 'beer.com', 'talktalk.net', 'ananzi.co.za',
  'chacuo.net', 'emailondeck.com', 'doctor.com', 'interaccess.com',
];

/** Free-mail providers missing upstream, mostly German. */
export const MORE_FREE_MAIL_DOMAINS: readonly string[] = [
  'aol.de', 'duck.com', 'email.de', 'fastmail.com', 'gmx.ch', 'googlemail.com', 'hotmail.co.uk', 'hotmail.de',
  'hotmail.fr', 'hotmail.it', 'kabelmail.de', 'live.de', 'mail.de', 'outlook.de', 'outlook.fr', 'pm.me', 'posteo.de',
  'posteo.net', 'tuta.io', 'tutanota.com', 'tutanota.de', 'vodafone.de', 'ymail.com',
];
