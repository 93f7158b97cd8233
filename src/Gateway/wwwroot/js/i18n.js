// Chinese (zh-CN) by default, English on request; the choice is kept on the device.
// Static text is marked up with data-i18n="key" (text) and data-i18n-attr="attr:key;attr:key".

const STORAGE_KEY = 'craftsman.lang';

const messages = {
  zh: {
    'app.name': '北京大工匠',
    'app.tagline': '北京大工匠挑战赛 · 评分与实时成绩',
    'lang.switch': 'English',
    'lang.switchLabel': 'Switch to English',
    'nav.home': '首页',
    'nav.judge': '裁判评分',
    'nav.board': '实时排行榜',
    'nav.overview': '全部工种总览',
    'nav.bigScreen': '大屏幕',
    'nav.arena': '擂台对决',
    'nav.console': '组委会控制台',
    'home.judge': '裁判与裁判长在平板上登录、评分',
    'home.board': '一个工种的实时排名',
    'home.overview': '30 个工种一屏总览',
    'home.bigScreen': '赛场大屏：轮播各工种排名',
    'home.arena': '种子选手与挑战者同屏对比',
    'home.console': '导入届次、签发访问码、推进比赛阶段',

    'conn.connecting': '正在连接…',
    'conn.connected': '实时连接',
    'conn.reconnecting': '正在重新连接…',
    'conn.retrying': '连接失败，正在重试…',
    'conn.offline': '离线',
    'conn.label': '连接状态',

    'phase.label': '阶段',
    'phase.draft': '筹备',
    'phase.checkIn': '检录',
    'phase.live': '比赛中',
    'phase.review': '复核',
    'phase.signedOff': '已签核',
    'phase.published': '已公布',
    'phase.final': '最终结果',
    'phase.unknown': '未知',

    'role.seed': '种子选手',
    'role.challenger': '挑战者',
    'role.judge': '裁判',
    'role.chief': '裁判长',
    'role.undisclosed': '身份保密',
    'role.officer': '加密裁判',
    'role.arbiter': '仲裁组成员',
    'role.organiser': '组委会',

    'status.provisional': '暂定',
    'status.signedOff': '已签核',
    'status.official': '正式',

    'arena.pending': '结果待定',
    'arena.seedHeld': '守擂成功',
    'arena.challengerTook': '攻擂成功',
    'arena.notQualified': '未达合格分',
    'arena.notApplicable': '专家评审（不设擂台）',
    'arena.candidate': '推荐人选',
    'arena.title': '擂台对决',
    'arena.seeds': '擂主 · 种子选手',
    'arena.challengers': '挑战者',
    'arena.vs': 'VS',
    'arena.noSeed': '本工种没有种子选手',
    'arena.noChallenger': '本工种没有挑战者',
    'arena.blindSide': '选手（以抽签号显示）',

    'flag.spreadExceedsTolerance': '分差超限',
    'flag.measurementDisagreement': '测量不一致',
    'flag.none': '',
    'flag.open': '待复核',

    'kind.measurement': '测量项',
    'kind.judgement': '评判项',
    'kind.measurementHint': '一名裁判录入，另一名裁判确认',
    'kind.judgementHint': '每位裁判独立评分',

    'board.title': '实时排行榜',
    'board.rank': '名次',
    'board.contestant': '选手',
    'board.composite': '综合得分',
    'board.status': '状态',
    'board.marks': '评分数',
    'board.version': '版本',
    'board.updated': '更新于',
    'board.empty': '本工种还没有选手。',
    'board.loading': '正在载入…',
    'board.noEdition': '找不到这一届的数据。',
    'board.noOccupation': '这一届没有这个工种。',
    'board.leader': '领先',
    'board.contestants': '名选手',
    'board.noLeader': '尚无成绩',
    'board.overviewTitle': '全部工种总览',
    'board.fullscreen': '全屏',
    'board.next': '下一个',
    'board.pause': '暂停轮播',
    'board.resume': '继续轮播',
    'board.prev': '上一个工种',
    'board.nextOcc': '下一个工种',
    'board.newLeader': '新的领先者：{name}',
    'board.stateComing': '封榜与揭晓（即将推出）',
    'board.frozen': '已封榜：显示封榜时的成绩',
    'board.revealing': '揭晓中：还有 {n} 个名次待揭晓',
    'board.blind': '盲评：选手以抽签号显示，公布后揭晓姓名',
    'board.backToOverview': '返回总览',
    'board.openArena': '擂台对决',
    'board.openBoard': '排行榜',
    'board.others': '其他工种',

    'module.practical': '实操',
    'module.expert': '专家评审',

    'judge.title': '裁判评分',
    'judge.signInTitle': '裁判登录',
    'judge.codeLabel': '访问码',
    'judge.codeHint': '访问码印在您的评分卡上，格式为 XXXX-XXXX-XXXX。也可以用平板扫描卡上的二维码。',
    'judge.signIn': '登录',
    'judge.signingIn': '正在登录…',
    'judge.signOut': '退出登录',
    'judge.badCode': '访问码不正确，请与组委会核对。',
    'judge.throttled': '尝试次数过多，请稍等几分钟再试。',
    'judge.signInFailed': '登录失败，请稍后再试。',
    'judge.sessionExpired': '登录已过期，请重新输入访问码。',
    'judge.emptyCode': '请输入访问码。',
    'judge.contestants': '选手',
    'judge.criteria': '评分项',
    'judge.markedCount': '已评 {n}/{total}',
    'judge.range': '范围 0–{max}，步长 {step}',
    'judge.tolerance': '允许分差 {tolerance}',
    'judge.decrease': '减少 {step}',
    'judge.increase': '增加 {step}',
    'judge.value': '{criterion} 的分数',
    'judge.submit': '提交',
    'judge.notMarked': '未评分',
    'judge.saved': '已保存',
    'judge.savedValue': '已保存 {value}',
    'judge.correction': '（已更正）',
    'judge.pending': '待发送',
    'judge.pendingValue': '待发送 {value}',
    'judge.sending': '正在发送 {value}',
    'judge.rejected': '被拒绝',
    'judge.rejectedValue': '{value} 被拒绝：{reason}',
    'judge.stillSaved': '仍保存的分数：{value}',
    'judge.errNumber': '请输入数字，例如 16.5',
    'judge.errRange': '分数必须在 0 到 {max} 之间',
    'judge.errStep': '分数必须是 {step} 的整数倍',
    'judge.queued': '{n} 条评分在本机排队，恢复连接后自动发送',
    'judge.allSent': '所有评分都已保存',
    'judge.notLive': '当前阶段为「{phase}」：只有在「比赛中」阶段才能提交评分。',
    'judge.live': '评分开放中',
    'judge.panelMarks': '{n} 份评分',
    'judge.final': '已确定',
    'judge.chiefNote': '裁判长不评分：这里显示全体裁判的评分和需要复核的项目。',
    'judge.chiefActions': '裁判长操作（即将推出）',
    'judge.reopen': '重新开放评分',
    'judge.confirm': '确认并说明理由',
    'judge.coming': '即将推出',
    'judge.aggregate': '汇总',
    'judge.spread': '分差',
    'judge.count': '份数',
    'judge.result': '状态',
    'judge.dropped': '已去掉（最高/最低分）',
    'judge.module': '模块',
    'judge.compositeOf': '综合 {value}',
    'judge.loading': '正在载入比赛…',
    'judge.notPanel': '您以{role}身份登录。本页面供裁判和裁判长评分使用。',
    'judge.offlineCached': '尚未连接：显示本机保存的比赛数据，评分会在本机排队',

    'reject.invalidSubmission': '提交内容不完整',
    'reject.contestNotSetUp': '比赛尚未设置',
    'reject.roundNotLive': '当前阶段不接受评分',
    'reject.unknownContestant': '没有这名选手',
    'reject.unknownCriterion': '没有这个评分项',
    'reject.judgeNotOnPanel': '您不在本工种的裁判组中',
    'reject.markOutOfRange': '分数超出范围',
    'reject.markOffStep': '分数不符合步长',
    'reject.measurementAlreadyConfirmed': '该测量项已由两名裁判录入并确认',
    'reject.idempotencyKeyReused': '重复的提交编号',
    'reject.error': '服务器拒绝',

    'console.title': '组委会控制台',
    'console.signInTitle': '组委会登录',
    'console.password': '组委会密码',
    'console.signIn': '登录',
    'console.signOut': '退出登录',
    'console.badPassword': '密码不正确。',
    'console.throttled': '尝试次数过多，请稍等几分钟再试。',
    'console.edition': '届次编号',
    'console.tabImport': '导入届次',
    'console.tabRounds': '比赛阶段',
    'console.tabCodes': '访问码',
    'console.tabBoards': '排行榜',
    'console.tabComing': '更多功能',
    'console.importHint': '选择届次数据文件：JSON（格式同 samples/edition-2020.json）或 Excel 工作簿（按模板填写）。已开始的比赛不能再导入覆盖。',
    'console.template': '下载 Excel 模板',
    'console.importedWorkbook': '已导入工作簿到届次 {id}。',
    'console.cellError': '工作表“{sheet}”第 {row} 行，{column} 列：{message}',
    'console.file': '届次文件',
    'console.import': '导入',
    'console.importing': '正在导入…',
    'console.imported': '已导入届次 {id}：{occupations} 个工种，{contestants} 名选手，{judges} 名裁判。',
    'console.importFailed': '导入失败，没有任何改动：',
    'console.badJson': '文件不是有效的 JSON：{error}',
    'console.noFile': '请先选择文件。',
    'console.occupation': '工种',
    'console.phase': '当前阶段',
    'console.moveTo': '改为',
    'console.apply': '执行',
    'console.moved': '{occupation} 已进入「{phase}」',
    'console.contestants': '选手',
    'console.leader': '领先',
    'console.issue': '签发访问码',
    'console.issueHint': '为所选工种的裁判组（裁判长和裁判）签发访问码。重新签发会使该工种原有的访问码失效。',
    'console.print': '打印访问码卡片',
    'console.revoke': '吊销',
    'console.revoked': '已吊销',
    'console.revokeConfirm': '吊销 {name} 的访问码？',
    'console.judge': '裁判',
    'console.role': '角色',
    'console.codeStatus': '访问码',
    'console.codeLive': '有效（{time} 签发）',
    'console.codeNone': '未签发',
    'console.codeRevoked': '已吊销（{time}）',
    'console.card': '访问码',
    'console.cardHint': '在平板上打开 {url} 输入访问码，或扫描二维码。',
    'console.boards': '打开排行榜',
    'console.comingHint': '以下功能将在后续版本提供，现在不可用。',
    'console.freeze': '封榜',
    'console.reveal': '揭晓',
    'console.publish': '公布结果',
    'console.appeals': '申诉处理',
    'console.exports': '导出成绩',
    'console.coming': '即将推出',
    'console.error': '出错了：{message}',
    'console.sessionExpired': '登录已过期，请重新登录。',
  },
  en: {
    'app.name': 'Beijing Grand Craftsman',
    'app.tagline': 'Beijing Grand Craftsman Challenge · scoring and live results',
    'lang.switch': '中文',
    'lang.switchLabel': '切换到中文',
    'nav.home': 'Home',
    'nav.judge': 'Judge tablet',
    'nav.board': 'Live leaderboard',
    'nav.overview': 'All occupations',
    'nav.bigScreen': 'Big screen',
    'nav.arena': 'Arena',
    'nav.console': 'Organiser console',
    'home.judge': 'Judges and chief judges sign in and mark on a tablet',
    'home.board': "One occupation's live ranking",
    'home.overview': 'All 30 occupations on one screen',
    'home.bigScreen': 'For the hall: rotates through the occupations',
    'home.arena': 'Seed and challengers side by side',
    'home.console': 'Import an edition, issue access codes, move rounds',

    'conn.connecting': 'Connecting…',
    'conn.connected': 'Live',
    'conn.reconnecting': 'Reconnecting…',
    'conn.retrying': 'Connection failed, retrying…',
    'conn.offline': 'Offline',
    'conn.label': 'Connection',

    'phase.label': 'Phase',
    'phase.draft': 'Draft',
    'phase.checkIn': 'Check-in',
    'phase.live': 'Live',
    'phase.review': 'Review',
    'phase.signedOff': 'Signed off',
    'phase.published': 'Published',
    'phase.final': 'Final',
    'phase.unknown': 'Unknown',

    'role.seed': 'Seed',
    'role.challenger': 'Challenger',
    'role.judge': 'Judge',
    'role.chief': 'Chief judge',
    'role.undisclosed': 'Undisclosed',
    'role.officer': 'Encryption officer',
    'role.arbiter': 'Arbitration group member',
    'role.organiser': 'Organiser',

    'status.provisional': 'Provisional',
    'status.signedOff': 'Signed off',
    'status.official': 'Official',

    'arena.pending': 'Outcome pending',
    'arena.seedHeld': 'Seed held the arena',
    'arena.challengerTook': 'Challenger took the arena',
    'arena.notQualified': 'Below the qualifying score',
    'arena.notApplicable': 'Expert review (no arena)',
    'arena.candidate': 'Recommended candidate',
    'arena.title': 'Arena',
    'arena.seeds': 'Defending · seeds',
    'arena.challengers': 'Challengers',
    'arena.vs': 'VS',
    'arena.noSeed': 'No seed in this occupation',
    'arena.noChallenger': 'No challenger in this occupation',
    'arena.blindSide': 'Contestants (by draw number)',

    'flag.spreadExceedsTolerance': 'Spread over tolerance',
    'flag.measurementDisagreement': 'Measurements disagree',
    'flag.none': '',
    'flag.open': 'Under review',

    'kind.measurement': 'Measurement',
    'kind.judgement': 'Judgement',
    'kind.measurementHint': 'One judge enters, another confirms',
    'kind.judgementHint': 'Every judge marks independently',

    'board.title': 'Live leaderboard',
    'board.rank': 'Rank',
    'board.contestant': 'Contestant',
    'board.composite': 'Composite',
    'board.status': 'Status',
    'board.marks': 'Marks',
    'board.version': 'Version',
    'board.updated': 'Updated',
    'board.empty': 'No contestants in this occupation yet.',
    'board.loading': 'Loading…',
    'board.noEdition': 'This edition was not found.',
    'board.noOccupation': 'This edition has no such occupation.',
    'board.leader': 'Leader',
    'board.contestants': 'contestants',
    'board.noLeader': 'No scores yet',
    'board.overviewTitle': 'All occupations',
    'board.fullscreen': 'Full screen',
    'board.next': 'Next',
    'board.pause': 'Pause rotation',
    'board.resume': 'Resume rotation',
    'board.prev': 'Previous occupation',
    'board.nextOcc': 'Next occupation',
    'board.newLeader': 'New leader: {name}',
    'board.stateComing': 'Frozen and reveal states (coming)',
    'board.frozen': 'Board frozen: showing the standings at the moment of freezing',
    'board.revealing': 'Revealing: {n} places still to come',
    'board.blind': 'Blind round: contestants shown by draw number until publication',
    'board.backToOverview': 'Back to overview',
    'board.openArena': 'Arena',
    'board.openBoard': 'Leaderboard',
    'board.others': 'Other occupations',

    'module.practical': 'Practical',
    'module.expert': 'Expert review',

    'judge.title': 'Judge tablet',
    'judge.signInTitle': 'Judge sign-in',
    'judge.codeLabel': 'Access code',
    'judge.codeHint': "The access code is printed on your card as XXXX-XXXX-XXXX. You can also scan the card's QR code with the tablet.",
    'judge.signIn': 'Sign in',
    'judge.signingIn': 'Signing in…',
    'judge.signOut': 'Sign out',
    'judge.badCode': 'This access code is not valid. Check it with the competition office.',
    'judge.throttled': 'Too many attempts. Wait a few minutes and try again.',
    'judge.signInFailed': 'Sign-in failed. Try again shortly.',
    'judge.sessionExpired': 'Your session has expired. Enter your access code again.',
    'judge.emptyCode': 'Enter your access code.',
    'judge.contestants': 'Contestants',
    'judge.criteria': 'Criteria',
    'judge.markedCount': 'Marked {n}/{total}',
    'judge.range': 'Range 0–{max}, step {step}',
    'judge.tolerance': 'Tolerance {tolerance}',
    'judge.decrease': 'Decrease by {step}',
    'judge.increase': 'Increase by {step}',
    'judge.value': 'Mark for {criterion}',
    'judge.submit': 'Submit',
    'judge.notMarked': 'Not marked',
    'judge.saved': 'Saved',
    'judge.savedValue': 'Saved {value}',
    'judge.correction': '(corrected)',
    'judge.pending': 'Pending',
    'judge.pendingValue': 'Pending {value}',
    'judge.sending': 'Sending {value}',
    'judge.rejected': 'Rejected',
    'judge.rejectedValue': '{value} rejected: {reason}',
    'judge.stillSaved': 'Still saved: {value}',
    'judge.errNumber': 'Enter a number, e.g. 16.5',
    'judge.errRange': 'The mark must be between 0 and {max}',
    'judge.errStep': 'The mark must be a multiple of {step}',
    'judge.queued': '{n} marks queued on this device; they are sent when the connection is back',
    'judge.allSent': 'All marks saved',
    'judge.notLive': 'The round is in "{phase}": marks are accepted only while it is Live.',
    'judge.live': 'Marking is open',
    'judge.panelMarks': '{n} marks',
    'judge.final': 'Final',
    'judge.chiefNote': "The chief judge does not mark: this shows every judge's marks and the flags to resolve.",
    'judge.chiefActions': 'Chief judge actions (coming)',
    'judge.reopen': 'Reopen for re-marking',
    'judge.confirm': 'Confirm with a reason',
    'judge.coming': 'Coming',
    'judge.aggregate': 'Aggregate',
    'judge.spread': 'Spread',
    'judge.count': 'Marks',
    'judge.result': 'Status',
    'judge.dropped': 'Dropped (highest/lowest)',
    'judge.module': 'Module',
    'judge.compositeOf': 'Composite {value}',
    'judge.loading': 'Loading the contest…',
    'judge.notPanel': 'You are signed in as {role}. This page is for judges and chief judges marking a round.',
    'judge.offlineCached': 'Not connected: showing the contest as saved on this device; marks queue here',

    'reject.invalidSubmission': 'Incomplete submission',
    'reject.contestNotSetUp': 'The contest is not set up',
    'reject.roundNotLive': 'The round is not accepting marks',
    'reject.unknownContestant': 'Unknown contestant',
    'reject.unknownCriterion': 'Unknown criterion',
    'reject.judgeNotOnPanel': 'You are not on this panel',
    'reject.markOutOfRange': 'Mark out of range',
    'reject.markOffStep': 'Mark not on the step',
    'reject.measurementAlreadyConfirmed': 'This measurement is already entered and confirmed',
    'reject.idempotencyKeyReused': 'Duplicate submission key',
    'reject.error': 'Refused by the server',

    'console.title': 'Organiser console',
    'console.signInTitle': 'Organiser sign-in',
    'console.password': 'Organiser password',
    'console.signIn': 'Sign in',
    'console.signOut': 'Sign out',
    'console.badPassword': 'The password is not correct.',
    'console.throttled': 'Too many attempts. Wait a few minutes and try again.',
    'console.edition': 'Edition id',
    'console.tabImport': 'Import edition',
    'console.tabRounds': 'Rounds',
    'console.tabCodes': 'Access codes',
    'console.tabBoards': 'Leaderboards',
    'console.tabComing': 'More',
    'console.importHint': 'Choose an edition file: JSON (shaped like samples/edition-2020.json) or an Excel workbook (filled in from the template). Rounds that have started cannot be overwritten.',
    'console.template': 'Download the Excel template',
    'console.importedWorkbook': 'Workbook imported into edition {id}.',
    'console.cellError': 'Sheet “{sheet}”, row {row}, column {column}: {message}',
    'console.file': 'Edition file',
    'console.import': 'Import',
    'console.importing': 'Importing…',
    'console.imported': 'Imported edition {id}: {occupations} occupations, {contestants} contestants, {judges} judges.',
    'console.importFailed': 'Not imported; nothing was changed:',
    'console.badJson': 'The file is not valid JSON: {error}',
    'console.noFile': 'Choose a file first.',
    'console.occupation': 'Occupation',
    'console.phase': 'Phase',
    'console.moveTo': 'Move to',
    'console.apply': 'Apply',
    'console.moved': '{occupation} is now in "{phase}"',
    'console.contestants': 'Contestants',
    'console.leader': 'Leader',
    'console.issue': 'Issue access codes',
    'console.issueHint': "Issues codes for the chosen occupation's panel (chief judge and judges). Issuing again invalidates that panel's earlier codes.",
    'console.print': 'Print the code cards',
    'console.revoke': 'Revoke',
    'console.revoked': 'Revoked',
    'console.revokeConfirm': 'Revoke the access code of {name}?',
    'console.judge': 'Judge',
    'console.role': 'Role',
    'console.codeStatus': 'Access code',
    'console.codeLive': 'Valid (issued {time})',
    'console.codeNone': 'Not issued',
    'console.codeRevoked': 'Revoked ({time})',
    'console.card': 'Access code',
    'console.cardHint': 'Open {url} on the tablet and enter the code, or scan the QR code.',
    'console.boards': 'Open a leaderboard',
    'console.comingHint': 'These come in a later version and are not available yet.',
    'console.freeze': 'Freeze board',
    'console.reveal': 'Reveal',
    'console.publish': 'Publish results',
    'console.appeals': 'Appeals',
    'console.exports': 'Export results',
    'console.coming': 'Coming',
    'console.error': 'Something went wrong: {message}',
    'console.sessionExpired': 'Your session has expired; sign in again.',
  },
};

function initialLang() {
  const fromUrl = new URLSearchParams(location.search).get('lang');
  if (fromUrl === 'zh' || fromUrl === 'en') return fromUrl;
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === 'zh' || stored === 'en') return stored;
  } catch { /* storage blocked: fall back to Chinese */ }
  return 'zh';
}

let current = initialLang();

export function lang() {
  return current;
}

/** The BCP 47 locale for dates and times in the current language. */
export function locale() {
  return current === 'zh' ? 'zh-CN' : 'en-GB';
}

/** A message in the current language, with {name} placeholders filled from vars. */
export function t(key, vars) {
  let text = messages[current][key] ?? messages.zh[key] ?? key;
  if (vars) {
    for (const [name, value] of Object.entries(vars))
      text = text.replaceAll(`{${name}}`, String(value));
  }
  return text;
}

/** A {zh, en} name from the server in the current language (Chinese when English is missing). */
export function loc(text) {
  if (!text) return '';
  if (typeof text === 'string') return text;
  return (current === 'en' ? text.en : text.zh) || text.zh || text.en || '';
}

/** The other language's form, to show small beside the main one (big screens, cards). */
export function locOther(text) {
  if (!text || typeof text === 'string') return '';
  return current === 'en' ? text.zh : text.en;
}

export function applyI18n(root = document) {
  document.documentElement.lang = current === 'zh' ? 'zh-CN' : 'en';
  for (const el of root.querySelectorAll('[data-i18n]'))
    el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of el.dataset.i18nAttr.split(';')) {
      const [attr, key] = pair.split(':').map(s => s.trim());
      if (attr && key) el.setAttribute(attr, t(key));
    }
  }
}

export function setLang(next) {
  current = next === 'en' ? 'en' : 'zh';
  try { localStorage.setItem(STORAGE_KEY, current); } catch { /* not persisted */ }
  applyI18n();
  window.dispatchEvent(new CustomEvent('craftsman:lang', { detail: current }));
}

/** Wires a button that switches between Chinese and English. */
export function mountLangSwitch(button) {
  if (!button) return;
  button.dataset.i18n = 'lang.switch';
  button.dataset.i18nAttr = 'aria-label:lang.switchLabel';
  const mark = () => { button.lang = current === 'zh' ? 'en' : 'zh-CN'; };
  button.addEventListener('click', () => { setLang(current === 'zh' ? 'en' : 'zh'); mark(); });
  applyI18n(button.parentElement ?? document);
  mark();
}

export function onLangChange(handler) {
  window.addEventListener('craftsman:lang', handler);
}

applyI18n();
