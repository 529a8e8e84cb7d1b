/**
 * Texts of the demo hazards: plausible special-equipment hazards per catalogue category (TSG codes),
 * with the ones GB 45067-2024 treats as major marked (third-party summary, domain.md §2.1 [?]).
 */
export type DemoHazardText = { title: string; description: string; major?: string };

export const demoHazardTexts: Record<string, readonly DemoHazardText[]> = {
  '3000': [
    { title: '电梯超期未检仍在使用', description: '该电梯定期检验已超期，现场仍在载人运行，未采取停用措施。', major: 'GB 45067-2024 电梯：未经定期检验或检验不合格继续使用' },
    { title: '电梯制动器制动力不足', description: '维保记录显示制动器闸瓦磨损严重，空载下行制停距离超标，尚未更换。', major: 'GB 45067-2024 电梯：制动器故障未修复' },
    { title: '电梯层门门锁啮合长度不足', description: '3 楼层门门锁啮合长度约 5 mm，低于 7 mm 要求，存在开门走梯风险。' },
    { title: '电梯轿厢应急照明失效', description: '切断主电源后轿厢应急照明不亮，应急电源电池鼓包。' },
    { title: '电梯五方对讲无法接通值班室', description: '轿厢内紧急报警装置按下后值班室无响应，24 小时值守电话无人接听。' },
    { title: '电梯维保周期超过 15 日', description: '近两个月维保记录间隔分别为 21 日、19 日，超过 15 日的维保周期。' },
    { title: '自动扶梯梳齿板断齿', description: '下端梳齿板连续断齿 3 根，未及时更换，存在夹伤风险。' },
    { title: '电梯机房杂物堆放、通风不良', description: '机房内堆放纸箱、油桶，通风扇损坏，室温超过 40 ℃。' },
  ],
  '4000': [
    { title: '桥式起重机吊钩防脱钩装置失效', description: '主钩防脱钩弹片断裂缺失，吊运作业仍在进行。' },
    { title: '起重机钢丝绳断丝超标未更换', description: '主起升钢丝绳一个捻距内断丝数超过报废标准，仍在使用。', major: 'GB 45067-2024 起重机械：钢丝绳达到报废标准继续使用' },
    { title: '门式起重机起升高度限位失灵', description: '试验时上升限位不动作，吊具可冲顶。', major: 'GB 45067-2024 起重机械：安全保护装置失效' },
    { title: '起重机司机无证操作', description: '现场操作人员未取得起重机械作业人员证（Q2）。' },
    { title: '起重机轨道压板松动、接头错位', description: '大车轨道多处压板螺栓松动，接头高低差约 3 mm。' },
  ],
  '2000': [
    { title: '储气罐安全阀超期未校验', description: '空压机储气罐安全阀校验有效期已过 5 个月，未重新校验。', major: 'GB 45067-2024 压力容器：安全附件失效或超期未校验' },
    { title: '压力表超期未检定', description: '反应釜压力表检定标签已过期，表盘指针回零不准。' },
    { title: '气瓶混放且无防倾倒措施', description: '氧气瓶与乙炔瓶混放在同一区域，无防倒链条，间距不足 5 m。' },
    { title: '液化石油气钢瓶超期未检', description: '餐饮店使用的液化石油气钢瓶有 3 只超过检验周期。' },
    { title: '反应釜爆破片未按期更换', description: '爆破片装置超过规定使用年限未更换，无更换记录。' },
    { title: '压力容器未办理使用登记', description: '新装的 2 台储罐已投入使用，未办理使用登记。' },
  ],
  '1000': [
    { title: '锅炉水位表模糊不清', description: '锅炉双色水位计玻璃板结垢，水位无法清晰辨认。' },
    { title: '燃气锅炉房可燃气体报警装置失效', description: '锅炉房燃气泄漏报警器测试不报警，未与切断阀联锁。', major: 'GB 45067-2024 锅炉：燃气泄漏报警及联锁装置失效' },
    { title: '锅炉排污阀泄漏', description: '定期排污阀关闭不严，持续漏水漏汽。' },
    { title: '司炉人员未持证上岗', description: '当班司炉工未取得 G1 作业人员证。' },
  ],
  '8000': [
    { title: '蒸汽管道保温层破损', description: '车间蒸汽管道多处保温层脱落，存在烫伤风险。' },
    { title: '压力管道未定期检验', description: '厂区蒸汽管道定期检验超期 1 年。' },
  ],
  '5000': [
    { title: '叉车制动失灵', description: '叉车行车制动踏板行程过大，制动距离明显超标。' },
    { title: '叉车驾驶员无证驾驶', description: '仓库叉车由未取得 N1 证的员工驾驶。' },
    { title: '观光车未安装限速装置', description: '景区观光车限速装置拆除，实测车速超过 20 km/h。' },
  ],
  '6000': [
    { title: '游乐设施安全压杠锁紧装置异常', description: '过山车第 3 排安全压杠锁紧后可被手动抬起。', major: 'GB 45067-2024 大型游乐设施：乘客束缚装置失效' },
    { title: '游乐设施未设置乘客须知', description: '旋转木马入口处未张贴乘客须知和安全注意事项。' },
  ],
  management: [
    { title: '未配备特种设备安全管理员', description: '单位使用特种设备 5 台以上，未配备专职安全管理员。' },
    { title: '未建立特种设备安全技术档案', description: '设备出厂资料、检验报告、维保记录未归档。' },
    { title: '特种设备应急预案未演练', description: '本年度未开展特种设备事故应急演练，无演练记录。' },
    { title: '日管控、周排查记录缺失', description: '近一个月未填写特种设备安全日管控、周排查记录。' },
  ],
};

export const demoCategories = ['3000', '4000', '2000', '1000', '8000', '5000', '6000', 'management'] as const;

export const demoReasons = {
  rejectInvalid: ['现场核查不属实', '与已登记隐患重复', '该设备已于上月报废拆除'],
  transfer: ['不属特种设备，移交住建部门处理', '属燃气管理范畴，移交属地处理'],
  notice: ['请立即停用并限期整改，整改完成后提交整改报告及照片', '限期整改，整改期间落实临时安全措施', '责令改正，整改后报属地复查'],
  rectified: ['已更换损坏部件并经维保单位自检合格', '已完成整改，整改前后照片见附件', '已停用并完成维修，检验机构复检合格'],
  verifyFail: ['现场复查发现问题未彻底整改，请继续整改', '整改照片与现场不符，退回整改'],
  verifyPass: ['现场复查合格，同意销号', '经复查整改到位，予以销号'],
  extension: ['配件订货周期长，申请延期', '需停产改造，申请延长整改期限'],
  decide: ['同意延期，请按新期限完成', '理由不充分，不同意延期'],
  reopen: ['回头看发现问题复现', '群众再次投诉同一问题'],
  eliminate: ['设备已报废拆除', '单位已注销关闭'],
  listing: ['重大隐患挂牌督办，限期整改销号'],
} as const;
