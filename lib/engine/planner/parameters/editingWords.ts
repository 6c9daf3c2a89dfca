// The words and short phrases editors use for each kind of change, English and Chinese: data that the planner matches and the tests read.
// A phrase matches as whole words; a space also matches a hyphen or nothing ("slow mo" = "slow-mo" = "slowmo"), and "*" stands for up to three words.
// Grown from how people ask in Descript, CapCut, auto-editor and Premiere help pages and forums ("remove dead space", "jump cut", "music bed").

export interface Phrases {
  en: readonly string[];
  zh: readonly string[];
}

export const EDITING_WORDS = {
  /** The quiet stretches between speech. */
  pauses: {
    en: [
      'pause', 'pauses', 'pausing', 'silence', 'silences', 'silent', 'dead air', 'dead space', 'empty space', 'empty bits', 'empty parts',
      'blank spots', 'blank parts', 'quiet parts', 'quiet bits', 'quiet moments', 'quiet gaps', 'gap', 'gaps', 'lulls', 'lull', 'break', 'breaks',
      'hesitation', 'hesitations', 'ums', 'uhs', 'ums and uhs', 'awkward', 'jump cut', 'jump cuts', 'jumpcut', 'tighten', 'tighten up',
      'where i stop talking', "where i'm not talking", 'where i am not talking', "where i'm thinking", 'where i am thinking',
      'where nobody * talking', 'where no one * talking', "where i don't say anything", 'where nothing happens', 'where i pause',
      'spaces between', 'space between', 'downtime',
    ],
    zh: ['停顿', '停頓', '静音', '沉默', '空白', '气口', '没声音', '没有声音', '没说话', '没人说话', '无声', '不出声', '不说话的', '卡壳', '发呆', '空档', '空隙', '间隙', '冷场', '不说话', '口癖', '嗯啊'],
  },
  /** Background music. */
  music: {
    en: [
      'music', 'song', 'songs', 'soundtrack', 'bgm', 'score', 'music bed', 'bed', 'backing track', 'background track', 'tune', 'tunes',
      'beat', 'beats', 'instrumental', 'audio track', 'track', 'jingle', 'melody',
    ],
    zh: ['音乐', '配乐', '背景乐', '背景音乐', '歌曲', '歌', 'bgm', '曲子', '伴奏', '旋律'],
  },
  /** The speaker's own sound on the video track. */
  voice: {
    en: [
      'voice', 'voices', 'speech', 'speaker', 'dialogue', 'dialog', 'vocal', 'vocals', 'narration', 'narrator', 'talking', 'speaking',
      'commentary', 'original audio', 'original sound', 'mic', 'my audio',
    ],
    zh: ['人声', '说话', '原声', '旁白', '解说', '讲话', '原音'],
  },
  /** A title or text overlay. */
  text: {
    en: [
      'title', 'titles', 'text', 'texts', 'heading', 'headline', 'caption', 'overlay', 'words', 'label', 'lower third', 'banner',
      'intro card', 'end card', 'title card', 'wording', 'text box', 'callout', 'subtitle text',
    ],
    zh: ['标题', '文字', '文本', '字幕', '大字', '一行字', '字'],
  },
  /** Captions from a subtitle file. */
  captions: { en: ['captions', 'subtitles', 'subtitle', 'subs', 'closed captions', 'cc'], zh: ['字幕'] },
  /** Take back the last change. */
  undo: {
    en: [
      'undo', 'un do', 'revert', 'take that back', 'take it back', 'go back', 'put it back', 'never mind', 'nevermind', 'forget it',
      'forget that', 'scratch that', 'cancel that', 'roll back', 'rollback', 'ctrl z', 'cmd z', 'change it back', 'back it out',
      'undo that', 'get rid of that change', 'that was wrong', 'not like that', 'back a step', 'step back',
    ],
    zh: ['撤销', '撤回', '还原', '回退', '返回上一步', '回到上一步', '上一步', '算了', '取消刚才', '恢复原样', '退回'],
  },
  /** Put back what was undone. */
  redo: { en: ['redo', 're do', 'bring it back', 'put it back again', 'undo the undo', 'ctrl y', 'ctrl shift z'], zh: ['重做', '恢复刚才', '反撤销', '恢复撤销'] },
  /** Slower playback. */
  slower: {
    en: ['slow motion', 'slow mo', 'slowmo', 'slomo', 'slo mo', 'slower', 'slow down', 'slow it down', 'slowed down', 'half speed', 'slow'],
    zh: ['慢动作', '慢放', '减速', '放慢', '慢速', '慢一点', '慢点'],
  },
  /** Faster playback. */
  faster: {
    en: ['faster', 'speed up', 'speed it up', 'sped up', 'quicker', 'fast forward', 'time lapse', 'timelapse', 'double speed', 'twice as fast', 'hyperlapse'],
    zh: ['加速', '加快', '快进', '倍速', '快放', '快一点', '快点'],
  },
  /** Taking something away. */
  remove: {
    en: ['remove', 'delete', 'drop', 'get rid of', 'take out', 'take off', 'take away', 'lose', 'kill', 'strip', 'clear', 'no more', 'without', 'turn off', 'ditch', 'lose the', 'edit out', 'cut out', 'skip', 'nix', 'scrap'],
    zh: ['去掉', '删掉', '删除', '去除', '移除', '不要', '拿掉', '取消', '关掉', '关闭', '清除'],
  },
  /** Cutting time out of the video. */
  cut: {
    en: ['trim', 'cut', 'chop', 'shave', 'snip', 'remove', 'delete', 'drop', 'lose', 'get rid of', 'skip', 'shorten', 'take off', 'clip', 'edit out', 'cut out', 'take'],
    zh: ['剪掉', '剪去', '删掉', '删除', '去掉', '裁掉', '剪', '删', '去除'],
  },
  /** The frame shapes, by platform and by name. */
  vertical: {
    en: ['vertical', 'portrait', 'portrait mode', 'tiktok', 'tik tok', 'reels', 'reel', 'shorts', 'story', 'stories', 'snapchat', '9:16', '9x16', '9/16', 'phone format', 'upright'],
    zh: ['竖屏', '竖版', '竖的', '抖音', '快手', '视频号', '短视频'],
  },
  square: { en: ['square', 'instagram', 'insta', 'ig', 'facebook feed', '1:1', '1x1'], zh: ['方形', '正方形', '方的', '小红书', '方屏'] },
  landscape: {
    en: ['horizontal', 'landscape', 'widescreen', 'wide screen', 'youtube', 'yt', '16:9', '16x9', '16/9', 'tv format'],
    zh: ['横屏', '横版', '横的', '宽屏', 'b站', '哔哩哔哩', 'bilibili', '西瓜'],
  },
  portraitPost: { en: ['4:5', '4x5', '4/5', 'instagram portrait', 'instagram feed', 'portrait post', 'feed post'], zh: ['4比5'] },
  /** Library music moods. */
  calm: { en: ['calm', 'relaxing', 'relaxed', 'relax', 'soft', 'gentle', 'peaceful', 'ambient', 'mellow', 'soothing', 'quiet music', 'acoustic', 'piano'], zh: ['舒缓', '安静', '轻柔', '放松', '平静', '温柔', '轻松', '舒服'] },
  upbeat: { en: ['upbeat', 'energetic', 'energy', 'dance', 'fast', 'pump', 'pumped', 'lively', 'driving', 'hype', 'edm', 'party', 'workout'], zh: ['动感', '活力', '节奏感', '劲爆', '燃', '嗨'] },
  lofi: { en: ['lofi', 'lo fi', 'chill', 'chillhop', 'chilled', 'study', 'lo-fi'], zh: ['低保真', '慵懒', 'lofi'] },
  cinematic: { en: ['cinematic', 'epic', 'dramatic', 'movie', 'film', 'trailer', 'emotional', 'orchestral', 'inspiring'], zh: ['史诗', '电影', '大气', '震撼', '感人'] },
  happy: { en: ['happy', 'cheerful', 'fun', 'joyful', 'bright', 'playful', 'sunny', 'feel good', 'feelgood'], zh: ['欢快', '开心', '快乐', '愉快', '轻快', '活泼'] },
  corporate: { en: ['corporate', 'business', 'professional', 'presentation', 'tech', 'explainer'], zh: ['商务', '企业', '专业', '科技'] },
} as const satisfies Record<string, Phrases>;

export type WordGroup = keyof typeof EDITING_WORDS;
