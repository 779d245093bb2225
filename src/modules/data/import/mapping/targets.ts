export type ImportObject = 'contacts' | 'companies' | 'orders' | 'products';
export type ValueKind = 'text' | 'email' | 'phone' | 'date' | 'datetime' | 'number' | 'money' | 'boolean' | 'gender' | 'tags' | 'enum';
export type ImportTarget = { key: string; kind: ValueKind; label: string; label_zh: string; aliases: string[] };

export const IMPORT_OBJECTS: readonly ImportObject[] = ['contacts', 'companies', 'orders', 'products'];

function target(key: string, kind: ValueKind, label: string, label_zh: string, aliases: string[] = []): ImportTarget {
  return { key, kind, label, label_zh, aliases };
}

// Aliases are compared after folding case, width, spaces and punctuation ("E-mail" = "email",
// "Address_1" = "address 1"), so each is listed once. An alias belongs to one target per object.
const EXTERNAL_ID = ['编号', '外部编号', '外部id', '系统编号', 'id', 'external id', 'ext id', 'record id', 'rec id'];
const PHONE = ['手机', '手机号', '手机号码', '电话', '电话号码', '联系电话', '联系方式', '移动电话', 'mobile', 'mobile phone', 'mobile number', 'cell', 'cell phone', 'tel', 'telephone', 'phone number', 'phone no'];
const EMAIL = ['邮箱', '电子邮件', '电子邮箱', '邮件', '邮箱地址', 'e-mail', 'email address', 'e-mail address', 'mail'];
const STREET = ['地址', '街道', '详细地址', '街道地址', '联系地址', '通讯地址', 'address', 'address 1', 'address line 1', 'street address', 'street 1'];
const CITY = ['城市', '市', '所在城市', 'suburb', 'town', 'locality'];
const POSTCODE = ['邮编', '邮政编码', 'zip', 'zip code', 'postal code', 'post code'];
const REGION = ['省', '省份', '地区', '所在省份', '省市', 'state', 'province', 'county'];
const COUNTRY = ['国家', '国家地区', '国家/地区', 'nation', 'country code'];
const OWNER = ['负责人', '所有人', '销售负责人', '客户经理', '跟进人', 'owner email', 'account owner', 'sales rep', 'assigned to'];
const TAGS = ['标签', '客户标签', 'tag', 'labels', 'label'];
const CURRENCY = ['币种', '货币', '币别', 'currency code', 'ccy'];

export const IMPORT_TARGETS: Record<ImportObject, readonly ImportTarget[]> = {
  contacts: [
    target('external_id', 'text', 'External ID', '外部编号', [...EXTERNAL_ID, '客户编号', '客户id', '会员id', 'customer id', 'contact id', 'customer no', 'customer number']),
    target('name', 'text', 'Full name', '姓名', ['姓名', '名字', '客户名称', '客户姓名', '联系人', '联系人姓名', '客户', 'full name', 'customer name', 'contact name', 'contact']),
    target('first_name', 'text', 'First name', '名', ['名', 'given name', 'forename', 'firstname', 'first']),
    target('last_name', 'text', 'Last name', '姓', ['姓', '姓氏', 'surname', 'family name', 'lastname', 'last']),
    target('email', 'email', 'Email', '邮箱', EMAIL),
    target('phone', 'phone', 'Phone', '手机', [...PHONE, '联系人电话', '客户电话']),
    target('company', 'text', 'Company', '公司', ['公司', '公司名称', '单位', '单位名称', '企业', '企业名称', '工作单位', '所属公司', 'company name', 'organization', 'organisation', 'employer', 'account', 'account name']),
    target('street', 'text', 'Street', '地址', STREET),
    target('city', 'text', 'City', '城市', CITY),
    target('postcode', 'text', 'Postcode', '邮编', POSTCODE),
    target('region', 'text', 'Region', '省份', REGION),
    target('country', 'text', 'Country', '国家', COUNTRY),
    target('birthday', 'date', 'Birthday', '生日', ['生日', '出生日期', '出生年月日', 'date of birth', 'dob', 'birth date', 'birthdate']),
    target('gender', 'gender', 'Gender', '性别', ['性别', 'sex']),
    target('tags', 'tags', 'Tags', '标签', TAGS),
    target('source', 'text', 'Source', '来源', ['来源', '渠道', '客户来源', '来源渠道', 'channel', 'lead source', 'origin']),
    target('lifecycle_stage', 'enum', 'Lifecycle stage', '生命周期阶段', ['生命周期', '生命周期阶段', '客户阶段', '阶段', 'stage', 'lifecycle']),
    target('value_tier', 'enum', 'Value tier', '价值等级', ['价值等级', '客户等级', '等级', '会员等级', 'tier', 'customer tier', 'value level']),
    target('owner', 'email', 'Owner (user email)', '负责人', OWNER),
    target('consent_email', 'boolean', 'Email consent', '允许邮件营销', ['允许邮件营销', '邮件订阅', '接受邮件', 'email consent', 'email opt in', 'email optin', 'email subscribed', 'accepts email']),
    target('consent_sms', 'boolean', 'SMS consent', '允许短信营销', ['允许短信营销', '短信订阅', '接受短信', 'sms consent', 'sms opt in', 'sms optin', 'sms subscribed', 'accepts sms']),
  ],
  companies: [
    target('external_id', 'text', 'External ID', '外部编号', [...EXTERNAL_ID, '公司编号', '企业编号', 'company id', 'account id']),
    target('name', 'text', 'Name', '公司名称', ['公司名称', '名称', '公司', '企业名称', '企业', '单位名称', '单位', '客户名称', 'company name', 'company', 'organization', 'organisation', 'account name', 'account']),
    target('domain', 'text', 'Domain', '域名', ['域名', '公司域名', 'email domain', 'web domain']),
    target('industry', 'text', 'Industry', '行业', ['行业', '所属行业', 'sector', 'vertical']),
    target('phone', 'phone', 'Phone', '电话', [...PHONE, '公司电话', '总机']),
    target('email', 'email', 'Email', '邮箱', EMAIL),
    target('website', 'text', 'Website', '网站', ['网站', '网址', '官网', '主页', 'web', 'url', 'homepage', 'web site']),
    target('street', 'text', 'Street', '地址', [...STREET, '公司地址', '注册地址', '办公地址']),
    target('city', 'text', 'City', '城市', CITY),
    target('region', 'text', 'Region', '省份', REGION),
    target('postcode', 'text', 'Postcode', '邮编', POSTCODE),
    target('country', 'text', 'Country', '国家', COUNTRY),
    target('owner', 'email', 'Owner (user email)', '负责人', OWNER),
    target('tags', 'tags', 'Tags', '标签', TAGS),
  ],
  orders: [
    target('external_id', 'text', 'External ID', '外部编号', ['外部编号', '外部id', '系统编号', 'external id', 'ext id', 'record id', 'order id']),
    target('number', 'text', 'Order number', '订单号', ['订单号', '订单编号', '单号', '订单', 'order no', 'order number', 'order', 'order ref', 'invoice no', 'invoice number']),
    target('contact_external_id', 'text', 'Customer external ID', '客户编号', ['客户编号', '客户id', '会员编号', '会员id', 'customer id', 'customer no', 'customer number', 'contact id']),
    target('contact_email', 'email', 'Customer email', '客户邮箱', ['客户邮箱', '邮箱', '电子邮件', '买家邮箱', 'email', 'e-mail', 'customer email', 'email address', 'buyer email']),
    target('contact_phone', 'phone', 'Customer phone', '客户手机', ['客户手机', '客户电话', '手机', '手机号', '手机号码', '电话', '联系电话', '收货人电话', '买家手机', 'phone', 'mobile', 'tel', 'telephone', 'phone number', 'customer phone']),
    target('contact_name', 'text', 'Customer name', '客户姓名', ['客户姓名', '客户名称', '客户', '姓名', '买家', '收货人', '联系人', 'customer', 'customer name', 'name', 'buyer', 'buyer name']),
    target('status', 'enum', 'Status', '状态', ['状态', '订单状态', 'order status']),
    target('channel', 'text', 'Channel', '渠道', ['渠道', '销售渠道', '来源', '平台', '店铺', 'source', 'sales channel', 'platform', 'store']),
    target('ordered_at', 'datetime', 'Ordered at', '下单时间', ['下单时间', '下单日期', '订单日期', '订单时间', '日期', '成交时间', '付款时间', 'order date', 'order time', 'date', 'ordered on', 'purchase date', 'created at']),
    target('currency', 'text', 'Currency', '币种', CURRENCY),
    target('total', 'money', 'Order total', '订单金额', ['订单金额', '金额', '总额', '总金额', '订单总额', '实付金额', '应付金额', 'amount', 'order total', 'grand total', 'order amount', 'total amount']),
    target('line_sku', 'text', 'Line SKU', '商品编码', ['商品编码', '商品编号', '货号', '商品sku', 'sku', 'item code', 'product code', 'product sku', 'item sku']),
    target('line_product_name', 'text', 'Line product name', '商品名称', ['商品名称', '商品', '产品名称', '产品', '品名', 'product', 'product name', 'item', 'item name', 'description']),
    target('line_quantity', 'number', 'Line quantity', '数量', ['数量', '购买数量', '件数', 'qty', 'quantity', 'units', 'count']),
    target('line_unit_price', 'money', 'Line unit price', '单价', ['单价', '商品单价', '售价', '价格', 'unit price', 'price', 'item price', 'unit cost']),
  ],
  products: [
    target('external_id', 'text', 'External ID', '外部编号', ['外部编号', '外部id', '系统编号', 'external id', 'ext id', 'record id', 'product id', 'id']),
    target('sku', 'text', 'SKU', '商品编码', ['商品编码', '商品编号', '货号', '编码', '产品编码', 'item code', 'product code', 'code']),
    target('name', 'text', 'Name', '商品名称', ['商品名称', '名称', '商品', '产品名称', '产品', '品名', 'product', 'product name', 'item', 'item name', 'title']),
    target('price', 'money', 'Price', '价格', ['价格', '单价', '售价', '零售价', '标价', 'unit price', 'list price', 'retail price']),
    target('currency', 'text', 'Currency', '币种', CURRENCY),
    target('active', 'boolean', 'Active', '在售', ['在售', '上架', '是否上架', '启用', '是否启用', 'enabled', 'on sale', 'is active', 'available']),
  ],
};
