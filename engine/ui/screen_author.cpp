// Author mode's panel: map, variables, scenes, diagnostics.

#include "screen_author.hpp"

#include "fonts.hpp"
#include "strings.hpp"
#include "theme.hpp"
#include "widgets.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace measured::ui {

namespace {

// Node size and the gaps the core's columns and rows are spread over, in em.
constexpr float node_w = 11.0f;
constexpr float node_h = 2.8f;

ImU32 with_alpha(ImVec4 c, float a) { return ImGui::GetColorU32(ImVec4(c.x, c.y, c.z, a)); }

ImVec4 edge_colour(const MapEdgeView& e) { return e.worst ? rating_colour(*e.worst) : palette().text_dim; }

// The view transform: em coordinates of the map to screen pixels.
struct View {
    ImVec2 origin;
    float scale;   // pixels per em
    [[nodiscard]] ImVec2 at(float x, float y, const AuthorUiState& st) const {
        return {origin.x + (x + st.pan_x) * scale, origin.y + (y + st.pan_y) * scale};
    }
};

void fit(const AuthorView& vm, AuthorUiState& st, ImVec2 size, float em) {
    if (vm.nodes.empty()) return;
    float x0 = 1e9f, y0 = 1e9f, x1 = -1e9f, y1 = -1e9f;
    for (const auto& n : vm.nodes) {
        x0 = std::min(x0, n.x);
        y0 = std::min(y0, n.y);
        x1 = std::max(x1, n.x + node_w);
        y1 = std::max(y1, n.y + node_h);
    }
    const float w = (x1 - x0) + 2, h = (y1 - y0) + 2;
    // Small enough to show it all, but never so small that the names cannot be read: a large
    // scenario then shows the part around the current scene, and the rest is a drag away.
    st.zoom = std::clamp(std::min(size.x / (w * em), size.y / (h * em)), 0.6f, 1.3f);
    const float visible_w = size.x / (em * st.zoom), visible_h = size.y / (em * st.zoom);
    st.pan_x = -x0 + (visible_w - (x1 - x0)) * 0.5f;
    st.pan_y = -y0 + (visible_h - (y1 - y0)) * 0.5f;
    if (visible_w < x1 - x0) {
        const auto current = std::find_if(vm.nodes.begin(), vm.nodes.end(), [](const MapNodeView& n) { return n.current; });
        const float cx = current != vm.nodes.end() ? current->x : x0;
        st.pan_x = std::min(1.0f - x0, -cx + visible_w * 0.3f);
    }
    st.fitted = true;
}

void draw_map(const AuthorView& vm, AuthorUiState& st, Commands& out) {
    const float em = ImGui::GetFontSize();
    if (button(tr("author.fit"))) st.fitted = false;
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, palette().text_dim);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("author.map_help"));
    ImGui::PopStyleColor();
    // Legend: the colours carry words too.
    for (int r = 0; r < 4; ++r) {
        if (r) ImGui::SameLine();
        tag(rating_label(static_cast<Rating>(r)), rating_colour(static_cast<Rating>(r)));
    }
    paragraph_dim(tr("author.map_legend"));

    const ImVec2 size{std::max(ImGui::GetContentRegionAvail().x, 100.0f), std::max(ImGui::GetContentRegionAvail().y, 100.0f)};
    if (!st.fitted) fit(vm, st, size, em);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("##map", size, ImGuiButtonFlags_MouseButtonLeft);
    const bool hovered = ImGui::IsItemHovered();
    ImGuiIO& io = ImGui::GetIO();
    const View v{origin, em * st.zoom};

    // Which scene is under the mouse.
    int hit = -1;
    for (std::size_t i = 0; i < vm.nodes.size(); ++i) {
        const ImVec2 a = v.at(vm.nodes[i].x, vm.nodes[i].y, st);
        const ImVec2 b{a.x + node_w * v.scale, a.y + node_h * v.scale};
        if (io.MousePos.x >= a.x && io.MousePos.x < b.x && io.MousePos.y >= a.y && io.MousePos.y < b.y) hit = static_cast<int>(i);
    }
    if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2.0f)) {
        st.pan_x += io.MouseDelta.x / v.scale;
        st.pan_y += io.MouseDelta.y / v.scale;
    }
    if (ImGui::IsItemDeactivated() && io.MouseDragMaxDistanceSqr[0] < 16.0f && hit >= 0 && !vm.nodes[static_cast<std::size_t>(hit)].ending)
        out.push_back(cmd::JumpTo{vm.nodes[static_cast<std::size_t>(hit)].node});
    if (hovered && io.MouseWheel != 0) {
        const float before = v.scale;
        st.zoom = std::clamp(st.zoom * std::pow(1.15f, io.MouseWheel), 0.25f, 3.0f);
        const float after = em * st.zoom;
        // Keep the point under the mouse where it is.
        const float mx = (io.MousePos.x - origin.x) / before - st.pan_x, my = (io.MousePos.y - origin.y) / before - st.pan_y;
        st.pan_x = (io.MousePos.x - origin.x) / after - mx;
        st.pan_y = (io.MousePos.y - origin.y) / after - my;
    }

    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushClipRect(origin, {origin.x + size.x, origin.y + size.y}, true);
    dl->AddRectFilled(origin, {origin.x + size.x, origin.y + size.y}, with_alpha(palette().panel, 1.0f));
    const View view{origin, em * st.zoom};
    for (const auto& e : vm.edges) {
        const MapNodeView& a = vm.nodes[static_cast<std::size_t>(e.from)];
        const MapNodeView& b = vm.nodes[static_cast<std::size_t>(e.to)];
        const ImVec2 p0 = view.at(a.x + node_w, a.y + node_h * 0.5f, st);
        const ImVec2 p1 = view.at(b.x, b.y + node_h * 0.5f, st);
        const float bend = e.backward ? 4.0f * view.scale : std::max(1.5f * view.scale, (p1.x - p0.x) * 0.4f);
        const ImVec2 c0{p0.x + bend, p0.y + (e.backward ? 3.0f * view.scale : 0)}, c1{p1.x - bend, p1.y + (e.backward ? 3.0f * view.scale : 0)};
        const ImVec4 col = edge_colour(e);
        const float thick = (e.visited ? 3.0f : 1.4f) * std::sqrt(st.zoom);
        dl->AddBezierCubic(p0, c0, c1, p1, with_alpha(col, e.visited ? 1.0f : 0.75f), thick);
        // Arrow head.
        const float h = 0.45f * view.scale;
        dl->AddTriangleFilled(p1, {p1.x - h, p1.y - h * 0.55f}, {p1.x - h, p1.y + h * 0.55f}, with_alpha(col, 1.0f));
        // Random outcomes: a diamond where the edge leaves; timeouts: a ring.
        const ImVec2 m{p0.x + 0.5f * view.scale, p0.y};
        const float r = 0.28f * view.scale;
        if (e.random) dl->AddQuadFilled({m.x, m.y - r}, {m.x + r, m.y}, {m.x, m.y + r}, {m.x - r, m.y}, with_alpha(col, 1.0f));
        if (e.timeout) dl->AddCircle(m, r, with_alpha(col, 1.0f), 12, 2.0f);
    }
    ImFont* f = font(FontRole::small);
    const float fs = f->FontSize * st.zoom;
    for (std::size_t i = 0; i < vm.nodes.size(); ++i) {
        const MapNodeView& n = vm.nodes[i];
        const ImVec2 a = view.at(n.x, n.y, st);
        const ImVec2 b{a.x + node_w * view.scale, a.y + node_h * view.scale};
        const float round = n.ending ? 0.9f * view.scale : 0.2f * view.scale;
        ImVec4 fill = n.ending ? rating_colour(static_cast<Rating>(n.severity)) : palette().panel;
        const float fill_alpha = n.ending ? 0.35f : 1.0f;
        dl->AddRectFilled(a, b, with_alpha(fill, n.reachable ? fill_alpha : fill_alpha * 0.4f), round);
        if (!n.ending) dl->AddRectFilled(a, b, with_alpha(palette().text, 0.06f), round);
        const ImVec4 border = n.current ? palette().accent : n.visited ? palette().text : palette().border;
        dl->AddRect(a, b, with_alpha(border, n.reachable ? 1.0f : 0.5f), round, 0, n.current ? 3.5f : n.visited || n.start ? 2.0f : 1.0f);
        if (fs >= 6.0f) {
            const ImVec4 clip{a.x + 0.3f * view.scale, a.y, b.x - 0.3f * view.scale, b.y};
            std::string first = n.id;
            if (n.time_limit > 0) first += "  · " + trf("author.timed", {{"s", std::to_string(n.time_limit)}});
            if (n.start) first += "  · " + std::string(tr("author.start"));
            dl->AddText(f, fs, {a.x + 0.4f * view.scale, a.y + 0.25f * view.scale}, with_alpha(palette().text, n.reachable ? 1.0f : 0.5f),
                        first.c_str(), nullptr, 0, &clip);
            dl->AddText(f, fs, {a.x + 0.4f * view.scale, a.y + 0.25f * view.scale + fs * 1.15f}, with_alpha(palette().text_dim, 1.0f),
                        n.title.c_str(), nullptr, 0, &clip);
        }
        probe_rect((n.ending ? "ending " : "scene ") + n.id, a, b);
    }
    dl->PopClipRect();
    if (hovered && hit >= 0) {
        const MapNodeView& n = vm.nodes[static_cast<std::size_t>(hit)];
        ImGui::SetTooltip("%s", (n.id + (n.title.empty() ? "" : " — " + n.title) + (n.ending ? "" : "\n" + std::string(tr("author.click_to_jump")))).c_str());
    }
}

void draw_variables(const AuthorView& vm, Commands& out) {
    if (!vm.has_session) {
        paragraph_dim(tr("author.no_session"));
        return;
    }
    if (vm.variables.empty()) paragraph_dim(tr("author.no_variables"));
    else paragraph_dim(tr("author.variables_help"));
    if (!vm.variables.empty() && ImGui::BeginTable("##vars", 3, ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_RowBg)) {
        for (const auto& var : vm.variables) {
            ImGui::PushID(var.id.c_str());
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            heading(var.id);
            if (var.label != var.id) paragraph_dim(var.label);
            ImGui::TableNextColumn();
            if (var.boolean) {
                bool b = var.value != 0;
                if (checkbox(trf("author.value_of", {{"id", var.id}}).c_str(), &b)) out.push_back(cmd::SetVariable{var.id, b ? 1 : 0});
            } else {
                if (button("-", {0, 0}, var.value > var.min)) out.push_back(cmd::SetVariable{var.id, var.value - 1});
                ImGui::SameLine();
                ImGui::AlignTextToFramePadding();
                ImGui::Text("%lld", static_cast<long long>(var.value));
                ImGui::SameLine();
                if (button("+", {0, 0}, var.value < var.max)) out.push_back(cmd::SetVariable{var.id, var.value + 1});
            }
            ImGui::TableNextColumn();
            ImGui::PushStyleColor(ImGuiCol_Text, palette().text_dim);
            if (var.boolean) ImGui::TextUnformatted(tr("author.bool_range"));
            else ImGui::Text("%lld … %lld", static_cast<long long>(var.min), static_cast<long long>(var.max));
            ImGui::PopStyleColor();
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    vertical_gap(0.6f);
    heading(tr("author.hidden_heading"));
    if (vm.hidden.empty()) paragraph_dim(tr("author.none_hidden"));
    for (const auto& h : vm.hidden) {
        vertical_gap(0.2f);
        paragraph(trf("author.hidden_choice", {{"id", h.id}, {"label", h.label}}));
        ImGui::Indent(ImGui::GetFontSize());
        for (const auto& w : h.why) bullet_text(trf("author.is_false", {{"part", w}}));
        ImGui::Unindent(ImGui::GetFontSize());
    }
}

void draw_scenes(const AuthorView& vm, Commands& out) {
    paragraph_dim(tr("author.scenes_help"));
    for (const auto& s : vm.scenes) {
        ImGui::PushID(s.node);
        const std::string label = s.id + (s.title.empty() ? "" : "  —  " + s.title) + (s.current ? "  " + std::string(tr("author.you_are_here")) : "");
        if (selectable(label.c_str(), s.current)) out.push_back(cmd::JumpTo{s.node});
        ImGui::PopID();
    }
}

void draw_diagnostics(const AuthorView& vm, AuthorUiState& st) {
    if (vm.diagnostics.empty()) {
        paragraph(tr("author.clean"));
        return;
    }
    paragraph_dim(tr("author.diagnostics_help"));
    if (!st.copied.empty()) note(trf("author.copied", {{"where", st.copied}}), palette().accent);
    for (std::size_t i = 0; i < vm.diagnostics.size(); ++i) {
        const auto& d = vm.diagnostics[i];
        ImGui::PushID(static_cast<int>(i));
        ImGui::PushStyleColor(ImGuiCol_Text, d.error ? palette().critical : palette().timer_low);
        const std::string head = d.location + "  " + (d.error ? tr("author.error") : tr("author.warning")) + "[" + d.code + "]";
        if (selectable(head.c_str(), false)) {
            ImGui::SetClipboardText(d.location.c_str());
            st.copied = d.location;
        }
        ImGui::PopStyleColor();
        ImGui::Indent(ImGui::GetFontSize());
        paragraph(d.message);
        ImGui::Unindent(ImGui::GetFontSize());
        ImGui::PopID();
    }
}

}  // namespace

void draw_author_panel(const AuthorView& vm, AuthorUiState& st, Commands& out) {
    // The status line: what the watcher last did, in the colour of its news.
    note(vm.status, vm.stale ? palette().critical : palette().text_dim);
    const bool jump_to_problems = vm.reload_count != st.seen_reloads && vm.stale;
    if (vm.reload_count != st.seen_reloads) {
        st.seen_reloads = vm.reload_count;
        st.copied.clear();
    }
    if (!ImGui::BeginTabBar("##author")) return;
    auto tab = [&](AuthorTab t, const std::string& label, bool force) {
        const ImGuiTabItemFlags flags = force ? ImGuiTabItemFlags_SetSelected : 0;
        const bool open = ImGui::BeginTabItem(label.c_str(), nullptr, flags);
        probe_rect(label, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
        if (open) st.tab = t;
        return open;
    };
    if (tab(AuthorTab::map, std::string(tr("author.tab_map")) + "##map", false)) {
        draw_map(vm, st, out);
        ImGui::EndTabItem();
    }
    if (tab(AuthorTab::variables, std::string(tr("author.tab_variables")) + "##variables", false)) {
        ImGui::BeginChild("##vars_scroll", {0, 0}, false, ImGuiWindowFlags_NavFlattened);
        draw_variables(vm, out);
        ImGui::EndChild();
        ImGui::EndTabItem();
    }
    if (tab(AuthorTab::scenes, std::string(tr("author.tab_scenes")) + "##scenes", false)) {
        ImGui::BeginChild("##scenes_scroll", {0, 0}, false, ImGuiWindowFlags_NavFlattened);
        draw_scenes(vm, out);
        ImGui::EndChild();
        ImGui::EndTabItem();
    }
    const std::string diag_label = trf("author.tab_diagnostics", {{"n", std::to_string(vm.diagnostics.size())}}) + "##diagnostics";
    if (tab(AuthorTab::diagnostics, diag_label, jump_to_problems)) {
        ImGui::BeginChild("##diag_scroll", {0, 0}, false, ImGuiWindowFlags_NavFlattened);
        draw_diagnostics(vm, st);
        ImGui::EndChild();
        ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
}

}  // namespace measured::ui
