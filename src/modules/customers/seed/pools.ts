/**
 * Value pools for synthetic customers. Surname weights follow the rough shares of China's most common
 * family names (王 and 李 ≈ 7 % each), so name frequencies — and therefore search selectivity — look like
 * a real customer base.
 */
export const CN_SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 72], ['李', 71], ['张', 67], ['刘', 54], ['陈', 45], ['杨', 31], ['黄', 24], ['赵', 22], ['吴', 21], ['周', 20],
  ['徐', 15], ['孙', 15], ['马', 14], ['朱', 13], ['胡', 12], ['郭', 11], ['何', 11], ['高', 10], ['林', 10], ['罗', 10],
  ['郑', 9], ['梁', 9], ['谢', 8], ['宋', 7], ['唐', 7], ['许', 7], ['韩', 7], ['冯', 7], ['邓', 7], ['曹', 6],
  ['彭', 6], ['曾', 6], ['肖', 6], ['田', 5], ['董', 5], ['袁', 5], ['潘', 5], ['于', 5], ['蒋', 5], ['蔡', 5],
  ['余', 4], ['杜', 4], ['叶', 4], ['程', 4], ['苏', 4], ['魏', 4], ['吕', 4], ['丁', 4], ['任', 4], ['沈', 4],
  ['姚', 3], ['卢', 3], ['姜', 3], ['崔', 3], ['钟', 3], ['谭', 3], ['陆', 3], ['汪', 3], ['范', 3], ['金', 3],
  ['石', 3], ['廖', 3], ['贾', 3], ['夏', 3], ['韦', 3], ['付', 3], ['方', 3], ['白', 3], ['邹', 3], ['孟', 3],
  ['欧阳', 1], ['司马', 1], ['上官', 1],
];

/** Characters used in given names; a given name is one or two of them. */
export const CN_GIVEN_CHARS: readonly string[] = [...(
  '伟芳娜敏静丽强磊军洋勇艳杰涛明超秀英霞平刚桂华玉兰萍红鹏辉建国志文斌宇浩凯健俊帆帅旭宁龙林欣佳怡雪梅琳晶莉婷丹' +
  '琴云飞鑫波海峰亮晨阳光东雨思嘉子涵若梓轩博睿诗琪佩瑶慧颖倩琦晓燕春秋冬月新立德永庆安福祥家荣成毅晖蓉莹'
)];

export const WESTERN_FIRST: readonly string[] = [
  'James', 'Mary', 'John', 'Patricia', 'Robert', 'Jennifer', 'Michael', 'Linda', 'William', 'Elizabeth', 'David', 'Barbara',
  'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Charles', 'Karen', 'Daniel', 'Nancy', 'Matthew', 'Lisa',
  'Anthony', 'Margaret', 'Mark', 'Sandra', 'Paul', 'Ashley', 'Steven', 'Emily', 'Andrew', 'Michelle', 'Kevin', 'Laura',
  'Margaretha', 'Pieter', 'Jan', 'Sanne', 'Lars', 'Ingrid', 'Sophie', 'Lukas', 'Hannah', 'Mateo', 'Lucía', 'Chloé',
  'François', 'Zoë', 'Björn', 'Søren', 'Ana', 'Oliver', 'Amelia', 'Noah', 'Olivia', 'Liam', 'Emma', 'Ethan',
];

export const WESTERN_LAST: readonly string[] = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez',
  'Lopez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Thompson', 'White', 'Harris',
  'Clark', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Green', 'Baker', 'Adams',
  'Oosterhuis', 'de Vries', 'van Dijk', 'Jansen', 'Bakker', 'Visser', 'Müller', 'Schmidt', 'Schneider', 'Fischer',
  'Dubois', 'Lefèvre', 'Rossi', 'Bianchi', 'Novak', 'Kowalski', 'Nielsen', 'Andersson', 'O’Brien', 'Murphy', 'Kelly',
  'Fitzgerald', 'Sullivan', 'Nakamura', 'Kim', 'Nguyen',
];

/** [city, region, country, weight] */
export const CN_CITIES: readonly (readonly [readonly [string, string, string], number])[] = [
  [['上海', '上海', 'CN'], 14], [['北京', '北京', 'CN'], 13], [['深圳', '广东', 'CN'], 10], [['广州', '广东', 'CN'], 9],
  [['杭州', '浙江', 'CN'], 8], [['成都', '四川', 'CN'], 7], [['南京', '江苏', 'CN'], 6], [['武汉', '湖北', 'CN'], 6],
  [['重庆', '重庆', 'CN'], 5], [['苏州', '江苏', 'CN'], 5], [['西安', '陕西', 'CN'], 4], [['天津', '天津', 'CN'], 4],
  [['长沙', '湖南', 'CN'], 3], [['郑州', '河南', 'CN'], 3], [['青岛', '山东', 'CN'], 3], [['厦门', '福建', 'CN'], 2],
  [['宁波', '浙江', 'CN'], 2], [['合肥', '安徽', 'CN'], 2], [['昆明', '云南', 'CN'], 2], [['大连', '辽宁', 'CN'], 2],
];

export const WESTERN_CITIES: readonly (readonly [readonly [string, string, string], number])[] = [
  [['New York', 'NY', 'US'], 4], [['San Francisco', 'CA', 'US'], 3], [['London', 'England', 'GB'], 3],
  [['Amsterdam', 'Noord-Holland', 'NL'], 2], [['Berlin', 'Berlin', 'DE'], 2], [['Sydney', 'NSW', 'AU'], 2],
  [['Toronto', 'ON', 'CA'], 2], [['Singapore', 'Singapore', 'SG'], 2], [['Hong Kong', 'Hong Kong', 'HK'], 3],
];

export const EMAIL_DOMAINS_CN: readonly string[] = ['qq.com', '163.com', '126.com', 'sina.com', 'foxmail.com', 'aliyun.com', 'outlook.com', 'gmail.com'];
export const EMAIL_DOMAINS_WEST: readonly string[] = ['gmail.com', 'outlook.com', 'yahoo.com', 'icloud.com', 'proton.me', 'hotmail.com'];

export const TAGS: readonly (readonly [string, number])[] = [
  ['VIP', 6], ['新客户', 14], ['老客户', 12], ['wholesale', 5], ['retail', 10], ['高潜力', 6], ['沉睡客户', 7],
  ['投诉过', 2], ['B2B', 4], ['KOL', 1], ['会员', 10], ['促销敏感', 6],
];

export const LIFECYCLE_STAGES: readonly (readonly [string, number])[] = [
  ['subscriber', 12], ['lead', 20], ['mql', 8], ['sql', 6], ['opportunity', 6], ['customer', 40], ['evangelist', 3], ['other', 5],
];

export const VALUE_TIERS: readonly (readonly [string, number])[] = [['vip', 3], ['gold', 10], ['silver', 25], ['regular', 62]];

export const SOURCES: readonly (readonly [string, number])[] = [
  ['官网', 12], ['微信', 18], ['线下门店', 15], ['展会', 6], ['转介绍', 8], ['天猫', 10], ['京东', 8], ['抖音', 9], ['import', 8], ['website', 6],
];

/** The "行业 industry" select custom field: option values and labels. */
export const INDUSTRIES: readonly (readonly [string, string, string])[] = [
  ['retail', '零售', 'Retail'], ['manufacturing', '制造业', 'Manufacturing'], ['internet', '互联网', 'Internet'],
  ['finance', '金融', 'Finance'], ['education', '教育', 'Education'], ['healthcare', '医疗健康', 'Healthcare'],
  ['catering', '餐饮', 'Catering'], ['logistics', '物流', 'Logistics'],
];

export const COMPANY_PREFIXES: readonly string[] = ['华', '中', '新', '东方', '金', '恒', '瑞', '博', '天', '盛', '远', '宏', '鼎', '嘉', '锦', '腾', '星', '联', '信', '海'];
export const COMPANY_CORES: readonly string[] = ['达', '通', '泰', '源', '丰', '诚', '安', '创', '智', '科', '润', '和', '祥', '成', '悦', '宇', '航', '美', '力', '康'];
export const COMPANY_KINDS: readonly string[] = ['科技', '贸易', '实业', '电子', '食品', '服饰', '物流', '医药', '文化传媒', '信息技术', '餐饮管理', '教育咨询'];
export const COMPANY_WEST: readonly string[] = ['Northwind', 'Contoso', 'Fabrikam', 'Globex', 'Initech', 'Umbrella', 'Acme', 'Hooli', 'Vandelay', 'Stark', 'Wayne', 'Tyrell'];
export const COMPANY_WEST_KINDS: readonly string[] = ['Trading', 'Industries', 'Foods', 'Logistics', 'Labs', 'Retail', 'Holdings', 'Systems'];

/** [name, English name, price in minor units] — a catalogue orders draw their lines from. */
export const PRODUCT_FAMILIES: readonly (readonly [string, string, number])[] = [
  ['有机绿茶礼盒', 'Organic green tea gift box', 16800], ['手冲咖啡豆', 'Pour-over coffee beans', 8900], ['蚕丝被', 'Silk duvet', 129900],
  ['空气净化器', 'Air purifier', 249900], ['保温杯', 'Vacuum flask', 12900], ['无线耳机', 'Wireless earbuds', 59900],
  ['智能手环', 'Smart band', 29900], ['护肤套装', 'Skincare set', 45900], ['坚果大礼包', 'Nut gift pack', 15800],
  ['运动鞋', 'Running shoes', 69900], ['羊绒围巾', 'Cashmere scarf', 89900], ['电饭煲', 'Rice cooker', 39900],
  ['办公椅', 'Office chair', 159900], ['机械键盘', 'Mechanical keyboard', 49900], ['儿童绘本', 'Picture book set', 9900],
  ['葡萄酒', 'Red wine', 26800], ['月饼礼盒', 'Mooncake gift box', 19800], ['会员年卡', 'Annual membership', 99900],
];
export const PRODUCT_VARIANTS: readonly (readonly [string, string, number])[] = [
  ['标准版', 'Standard', 1], ['豪华版', 'Deluxe', 1.6], ['迷你装', 'Mini', 0.5], ['家庭装', 'Family', 2.2],
];

export const ORDER_CHANNELS: readonly string[] = ['线上商城', '门店', '微信小程序', '天猫', '京东', '电话'];

export const ACTIVITY_SUBJECTS: readonly (readonly [string, string])[] = [
  ['call', '电话回访'], ['call', '确认收货情况'], ['meeting', '产品演示会议'], ['email', '发送报价单'], ['visit', '上门拜访'],
  ['chat', '微信沟通需求'], ['call', 'Follow-up call'], ['email', 'Sent the catalogue'], ['meeting', 'Quarterly review'],
];
export const ACTIVITY_OUTCOMES: readonly string[] = ['有意向', '需要再跟进', '已成交', '暂无需求', 'interested', 'no answer'];
export const NOTE_BODIES: readonly string[] = [
  '客户对新品很感兴趣，下周再联系。', '偏好微信沟通，工作日晚上回复较快。', '上次投诉物流慢，已补偿优惠券。',
  '关注价格，促销期间再推荐。', '大客户，决策人是采购经理。', 'Prefers email; asked for an English invoice.',
  'Met at the Shanghai trade fair, wants samples.', '生日在本月，可以送会员礼。',
];
export const TASK_TITLES: readonly string[] = ['回访客户', '发送报价', '跟进订单发货', '邀请参加新品发布会', '确认合同细节', 'Call back about the quote', 'Send samples'];
