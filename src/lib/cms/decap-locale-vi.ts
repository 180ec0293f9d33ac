/**
 * Decap CMS's Vietnamese interface, completed: Decap's own `vi` phrases
 * (decap-cms-locales) lack about eighty of the keys of its `en` ones, which
 * Decap then shows in English ("Writing in VI", "Copy Name", "Set … to now"),
 * and cut one short ("Trạng: Bản nháp" for "Trạng thái"). `src/admin/cms.ts`
 * registers Decap's phrases merged with these (`CMS.registerLocale`);
 * `decap-locale-vi.test.ts` fails when a key of Decap's `en` phrases has no
 * Vietnamese text, so an upgrade of Decap that adds strings is noticed.
 */

/** Decap's phrase tree: nested objects whose leaves are polyglot strings. */
export interface Phrases {
  [key: string]: string | Phrases;
}

/** The portal's Vietnamese phrases, added to or replacing Decap's `vi` ones. */
export const portalVietnamesePhrases: Phrases = {
  auth: {
    loginWithAzure: 'Đăng nhập bằng Azure',
    loginWithForgejo: 'Đăng nhập bằng Forgejo',
  },
  app: {
    app: {
      loadingConfig: 'Đang tải cấu hình…',
    },
  },
  collection: {
    collectionTop: {
      viewAs: 'Xem dạng',
      viewAsList: 'Xem dạng danh sách',
      viewAsGrid: 'Xem dạng lưới',
      newButton: '＋ Thêm %{collectionLabel}',
      groupBy: 'Nhóm theo',
    },
    entries: {
      unpublishedHeader: 'Mục chưa công bố',
    },
    groups: {
      other: 'Khác',
      negateLabel: 'Không phải %{label}',
    },
  },
  editor: {
    editorControl: {
      field: {
        widgetLabel: 'Trường %{widgetLabel}',
      },
    },
    editorControlPane: {
      i18n: {
        writingInLocale: 'Đang viết bản %{locale}',
        copyFromLocale: 'Điền từ bản ngôn ngữ khác',
        copyFromLocaleConfirm: 'Điền dữ liệu từ bản %{locale}?\nMọi nội dung đang có sẽ bị ghi đè.',
      },
    },
    editorInterface: {
      toggleI18n: 'Bật/tắt song ngữ',
      togglePreview: 'Bật/tắt xem trước',
      toggleScrollSync: 'Cuộn đồng thời',
      toggleNotes: 'Bật/tắt ghi chú',
    },
    editorNotesPane: {
      title: 'Ghi chú',
      emptyState: 'Chưa có ghi chú nào. Thêm ghi chú đầu tiên ở dưới để trao đổi.',
      addNote: 'Thêm ghi chú',
      addPlaceholder: 'Thêm một ghi chú…',
      editPlaceholder: 'Sửa ghi chú…',
      save: 'Lưu',
      cancel: 'Huỷ',
      edit: 'Sửa',
      delete: 'Xoá',
      resolve: 'Đánh dấu đã xong',
      unresolve: 'Mở lại',
      confirmDelete: 'Bạn có chắc muốn xoá ghi chú này?',
      shortcut: 'Mẹo: bấm Ctrl+Enter để thêm ghi chú nhanh',
    },
    editorToolbar: {
      status: 'Trạng thái: %{status}',
      statusInfoTooltipDraft: 'Mục đang là bản nháp. Khi viết xong, chuyển trạng thái sang “Đang xét duyệt” để gửi duyệt.',
      statusInfoTooltipInReview: 'Mục đang được xét duyệt, không cần làm gì thêm. Bạn vẫn có thể sửa tiếp trong khi chờ duyệt.',
    },
    editorWidgets: {
      markdown: {
        bold: 'Đậm',
        italic: 'Nghiêng',
        strikethrough: 'Gạch ngang',
        code: 'Mã',
        link: 'Liên kết',
        linkPrompt: 'Nhập địa chỉ của liên kết',
        headings: 'Tiêu đề mục',
        quote: 'Trích dẫn',
        bulletedList: 'Danh sách dấu đầu dòng',
        numberedList: 'Danh sách đánh số',
        addComponent: 'Thêm thành phần',
        markdown: 'Mã Markdown',
        toggleMode: {
          rich: 'Chuyển sang soạn thảo trực quan',
          markdown: 'Chuyển sang soạn thảo mã Markdown',
        },
      },
      image: {
        chooseMultiple: 'Chọn hình',
        chooseUrl: 'Chèn từ địa chỉ web',
        replaceUrl: 'Thay bằng địa chỉ web',
        promptUrl: 'Nhập địa chỉ web của hình',
        addMore: 'Thêm hình',
        removeAll: 'Gỡ bỏ tất cả hình',
      },
      file: {
        chooseUrl: 'Chèn từ địa chỉ web',
        chooseMultiple: 'Chọn tập tin',
        replaceUrl: 'Thay bằng địa chỉ web',
        promptUrl: 'Nhập địa chỉ web của tập tin',
        addMore: 'Thêm tập tin',
        removeAll: 'Gỡ bỏ tất cả tập tin',
      },
      datetime: {
        setToNow: 'Đặt %{fieldLabel} là thời điểm hiện tại',
      },
      list: {
        add: 'Thêm %{item}',
        addType: 'Thêm %{item}',
      },
      object: {
        expand: 'Mở ra',
        collapse: 'Thu gọn',
      },
    },
  },
  mediaLibrary: {
    mediaLibraryCard: {
      copy: 'Sao chép',
      copyUrl: 'Sao chép địa chỉ',
      copyPath: 'Sao chép đường dẫn',
      copyName: 'Sao chép tên',
      copied: 'Đã sao chép',
    },
    mediaLibraryModal: {
      close: 'Đóng',
    },
  },
  workflow: {
    workflow: {
      // The board's dates as Vietnamese write them (Decap formats them with dayjs, which has no
      // Vietnamese month names loaded here: 'D MMMM' showed "2 December").
      dateFormat: 'DD/MM/YYYY',
    },
  },
  ui: {
    settingsDropdown: {
      account: 'Tài khoản',
    },
    toast: {
      onFailToPersist: 'Chưa lưu được mục: %{details}',
      onBackendDown: 'Dịch vụ lưu trữ đang gặp trục trặc. Xem %{details} để biết thêm.',
      noteAdded: 'Đã thêm ghi chú',
      onFailToAddNote: 'Không thêm được ghi chú: %{details}',
      noteUpdated: 'Đã cập nhật ghi chú',
      onFailToUpdateNote: 'Không cập nhật được ghi chú: %{details}',
      noteDeleted: 'Đã xoá ghi chú',
      onFailToDeleteNote: 'Không xoá được ghi chú: %{details}',
      noteResolved: 'Đã đánh dấu ghi chú là xong',
      noteReopened: 'Đã mở lại ghi chú',
      onFailToToggleNote: 'Không đổi được trạng thái ghi chú: %{details}',
    },
  },
};

/**
 * Phrases whose Vietnamese text is, rightly, the same as the English one: a
 * brand name, or a placeholder with nothing to translate.
 */
export const samePhraseInBothLanguages: readonly string[] = [
  'ui.toast.onFailToAuth', // '%{details}'
  'workflow.workflowCard.lastChangeNoAuthor', // '%{date}'
];

/** `base` with `overrides` laid over it, key by key (neither is changed). */
export function mergePhrases(base: Phrases, overrides: Phrases): Phrases {
  const out: Phrases = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    const under = out[key];
    out[key] = typeof value === 'object' && typeof under === 'object' ? mergePhrases(under, value) : value;
  }
  return out;
}

/** Every leaf of a phrase tree, as [dotted key, text]. */
export function phraseLeaves(phrases: Phrases, prefix = ''): [string, string][] {
  return Object.entries(phrases).flatMap(([key, value]) =>
    typeof value === 'object' ? phraseLeaves(value, `${prefix}${key}.`) : [[`${prefix}${key}`, value] as [string, string]],
  );
}
