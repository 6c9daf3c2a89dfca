import { describe, expect, it } from 'vitest';
import { GuiTalkTranslator, translateGuiTalk } from '@/lib/nemo/translate';

describe('translateGuiTalk', () => {
  it.each([
    ['Click Export to get your video.', 'Say "export" to get your video.', false],
    ['When you are happy, click the "Export" button.', 'When you are happy, say "export".', false],
    ['Tap the download button when ready.', 'Say "export" when ready.', false],
    ['Use the Export button at the top right.', 'Say "export" at the top right.', false],
    ['Then click the Apply button.', 'Then tell me "Apply" in the chat.', false],
    ['Open the music panel to pick a track.', 'Say "status" to see the timeline to pick a track.', true],
    ['You can preview it in the timeline.', 'You can check the timeline summary.', true],
    ['Drag and drop the clip to reorder it.', 'Tell me to move the clip to reorder it.', false],
    ['Just drag the title where you want it.', 'Just tell me to move the title where you want it.', false],
    ['完成后点击导出按钮。', '完成后说“导出”。', false],
    ['点击“应用”按钮即可。', '在对话中告诉我“应用”即可。', false],
    ['打开音乐面板选择曲目。', '说“状态”查看时间线选择曲目。', true],
    ['拖拽片段来调整顺序。', '告诉我移动片段来调整顺序。', false],
    ['可以在时间线上预览。', '可以查看时间线摘要。', true],
    ['I removed 4 pauses; the video is now 42 s.', 'I removed 4 pauses; the video is now 42 s.', false],
  ])('%s', (input, expected, showsSummary) => {
    expect(translateGuiTalk(input)).toEqual({ text: expected, showsSummary });
  });
});

describe('GuiTalkTranslator', () => {
  it('recognises a phrase split across streamed chunks and holds text only until the sentence ends', () => {
    const t = new GuiTalkTranslator();
    const out = [t.push('Added music. When ready, cli'), t.push('ck the Exp'), t.push('ort button. Then'), t.flush()];
    expect(out).toEqual(['Added music.', '', ' When ready, say "export".', ' Then']);
    expect(out.join('')).toBe('Added music. When ready, say "export". Then');
    expect(t.showsSummary).toBe(false);
  });

  it('remembers that the agent pointed at the timeline', () => {
    const t = new GuiTalkTranslator();
    t.push('Preview in the timeline');
    expect(t.flush()).toBe('Check the timeline summary');
    expect(t.showsSummary).toBe(true);
  });
});
